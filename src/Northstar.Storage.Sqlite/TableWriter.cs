using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;
using Northstar.Storage.Sqlite.Tables;
using SQLitePCL;

namespace Northstar.Storage.Sqlite;

/// <summary>
/// Writes one kind's facts (all but events, see <see cref="Events.EventWriter"/>) within a
/// session through two prepared statements: the upsert and, when the upsert changed nothing,
/// the match that tells a same-session duplicate from a conflict. A batch goes in chunks: while
/// this thread binds and steps one chunk, a pool thread encodes the next (UTF-8 text, decimal
/// and JSON formatting), which takes that work off the thread SQLite keeps busy.
/// </summary>
internal sealed class TableWriter<TFact> : ITableWriter
    where TFact : class, IFact
{
    /// <summary>Rows encoded ahead at a time: small enough to start stepping soon, large enough that handing over is rare.</summary>
    internal const int ChunkRows = 4096;

    private readonly sqlite3 _db;
    private readonly FactTable<TFact> _table;
    private readonly long _workspaceId;
    private readonly long _batch;
    private readonly sqlite3_stmt _upsert;
    private readonly sqlite3_stmt _match;
    private readonly int _upsertParameters;
    private readonly int _matchParameters;
    private readonly RowBuffer[] _buffers;
    private readonly RowBinder[] _binders = [new(), new()];
    private readonly List<int> _found = [];
    private TFact[] _facts = [];

    public TableWriter(sqlite3 db, long workspaceId, long batch)
    {
        _db = db;
        _table = FactTables.Of<TFact>();
        _workspaceId = workspaceId;
        _batch = batch;
        _upsert = NativeSql.Prepare(db, _table.UpsertSql);
        _match = NativeSql.Prepare(db, _table.MatchSql);
        _upsertParameters = raw.sqlite3_bind_parameter_count(_upsert);
        _matchParameters = raw.sqlite3_bind_parameter_count(_match);
        _buffers = [new(_table.Columns.Count + 2), new(_table.Columns.Count + 2)];
    }

    public void Write(ReadOnlySpan<TFact> facts, ICollection<int> conflicts)
    {
        _found.Clear();
        if (_facts.Length < facts.Length)
        {
            _facts = new TFact[Math.Max(facts.Length, _facts.Length * 2)];
        }

        facts.CopyTo(_facts);
        try
        {
            WriteChunks(facts.Length);
        }
        finally
        {
            Array.Clear(_facts, 0, facts.Length);
        }

        _found.Sort();
        foreach (var index in _found)
        {
            conflicts.Add(index);
        }
    }

    public void Dispose()
    {
        raw.sqlite3_finalize(_upsert);
        raw.sqlite3_finalize(_match);
    }

    private void WriteChunks(int count) =>
        EncodeAhead.Run(count, ChunkRows, Encode, (buffer, start) => WriteRows(_buffers[buffer], start));

    /// <summary>Encodes positions [from, to) of the write order into buffer <paramref name="buffer"/>.</summary>
    private void Encode(int buffer, int from, int to)
    {
        var (rows, binder) = (_buffers[buffer], _binders[buffer]);
        rows.Clear();
        for (var j = from; j < to; j++)
        {
            var row = binder.Start(rows);
            row.Int(_workspaceId);
            row.Int(_batch);
            _table.Bind(row, _facts[j]);
        }
    }

    private void WriteRows(RowBuffer rows, int start)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            WriteOne(rows, r, start + r);
        }
    }

    private void WriteOne(RowBuffer rows, int row, int index)
    {
        Bind(_upsert, _upsertParameters, rows, row);
        NativeSql.StepDone(_db, _upsert);
        if (FastNative.Changes(_db) > 0)
        {
            return;
        }

        var (sameFact, sameValues) = Match(rows, row);
        if (!sameFact)
        {
            throw new InvalidOperationException($"The upsert into {_table.Name} changed nothing, yet no row holds its key.");
        }

        if (!sameValues)
        {
            _found.Add(index);
        }
    }

    private (bool SameFact, bool SameValues) Match(RowBuffer rows, int row)
    {
        rows.Bind(_match, row, _matchParameters);
        try
        {
            return NativeSql.StepRow(_db, _match)
                ? (raw.sqlite3_column_int(_match, 0) != 0, raw.sqlite3_column_int(_match, 1) != 0)
                : throw new InvalidOperationException($"The upsert into {_table.Name} changed nothing, yet no row holds its key.");
        }
        finally
        {
            raw.sqlite3_reset(_match);
        }
    }

    private static void Bind(sqlite3_stmt stmt, int parameters, RowBuffer rows, int row) => rows.Bind(stmt, row, parameters);
}
