using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Events;
using Northstar.Storage.Sqlite.Sql;
using Northstar.Storage.Sqlite.Tables;
using SQLitePCL;

namespace Northstar.Storage.Sqlite;

/// <summary>
/// Writes one kind's facts within a session through two prepared statements: the upsert and,
/// when the upsert changed nothing, the match that tells a same-session duplicate from a
/// conflict (and, for events, a hash collision from either). A batch goes in chunks: while
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
    private readonly Func<long, string, long>? _eventKey;
    private readonly IRowObserver<TFact>? _observer;
    private readonly sqlite3_stmt _upsert;
    private readonly sqlite3_stmt _match;
    private readonly int _upsertParameters;
    private readonly int _matchParameters;
    private readonly RowBuffer[] _buffers;
    private readonly RowBinder[] _binders = [new(), new()];
    private readonly List<int> _found = [];
    private TFact[] _facts = [];
    private KeyedIndex[] _order = [];

    public TableWriter(sqlite3 db, long workspaceId, long batch, Func<long, string, long> eventKey, IRowObserver<TFact>? observer = null)
    {
        _observer = observer;
        _db = db;
        _table = FactTables.Of<TFact>();
        _workspaceId = workspaceId;
        _batch = batch;
        _eventKey = _table is EventTable ? eventKey : null;
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
            if (_eventKey is not null)
            {
                SortByKey(facts.Length, _eventKey);
            }

            _observer?.Starting();
            WriteChunks(facts.Length);
            _observer?.Finished();
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

    // Inserting in key order turns random B-tree inserts into near-sequential ones: this is
    // what lets the events index keep up with the importer. Ties keep their input order, so the
    // first of two same-key facts is the one applied.
    private void SortByKey(int count, Func<long, string, long> eventKey)
    {
        if (_order.Length < count)
        {
            _order = new KeyedIndex[Math.Max(count, _order.Length * 2)];
        }

        for (var i = 0; i < count; i++)
        {
            _order[i] = new KeyedIndex(eventKey(_workspaceId, ((EventFact)(object)_facts[i]).Id), i);
        }

        Array.Sort(_order, 0, count);
    }

    private void WriteChunks(int count)
    {
        Encode(0, 0, Math.Min(ChunkRows, count));
        for (var start = 0; start < count; start += ChunkRows)
        {
            var (buffer, next) = (start / ChunkRows % 2, start + ChunkRows);
            var encoding = next < count ? Task.Run(() => Encode(1 - buffer, next, Math.Min(next + ChunkRows, count))) : null;
            var written = false;
            try
            {
                WriteRows(buffer, start);
                written = true;
            }
            finally
            {
                // The encoder writes into this writer's buffers: it must be done before they are touched again.
                if (written)
                {
                    encoding?.GetAwaiter().GetResult();
                }
                else
                {
                    ((IAsyncResult?)encoding)?.AsyncWaitHandle.WaitOne();
                }
            }
        }
    }

    /// <summary>Encodes positions [from, to) of the write order into buffer <paramref name="buffer"/>.</summary>
    private void Encode(int buffer, int from, int to)
    {
        var (rows, binder) = (_buffers[buffer], _binders[buffer]);
        rows.Clear();
        _observer?.Encoding(buffer);
        for (var j = from; j < to; j++)
        {
            var row = binder.Start(rows);
            row.Int(_workspaceId);
            row.Int(_batch);
            var fact = _facts[_eventKey is null ? j : _order[j].Index];
            _table.Bind(row, fact);
            _observer?.Encoded(buffer, j - from, fact);
        }
    }

    private void WriteRows(int buffer, int start)
    {
        var rows = _buffers[buffer];
        for (var r = 0; r < rows.Count; r++)
        {
            var (key, index) = _eventKey is null ? new KeyedIndex(0, start + r) : _order[start + r];
            if (WriteOne(rows, r, index, key))
            {
                _observer?.Applied(buffer, r);
            }
        }
    }

    /// <summary>Upserts one row; true when it changed the table.</summary>
    private bool WriteOne(RowBuffer rows, int row, int index, long key)
    {
        while (true)
        {
            Bind(_upsert, _upsertParameters, rows, row, key);
            NativeSql.StepDone(_db, _upsert);
            if (FastNative.Changes(_db) > 0)
            {
                return true;
            }

            var (sameFact, sameValues) = Match(rows, row, key);
            if (sameFact)
            {
                if (!sameValues)
                {
                    _found.Add(index);
                }

                return false;
            }

            // Another event holds this hash: never overwrite it, try the next key.
            key = EventKeyHash.Next(key);
        }
    }

    private (bool SameFact, bool SameValues) Match(RowBuffer rows, int row, long key)
    {
        Bind(_match, _matchParameters, rows, row, key);
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

    private void Bind(sqlite3_stmt stmt, int parameters, RowBuffer rows, int row, long key)
    {
        rows.Bind(stmt, row, parameters);
        if (_eventKey is not null)
        {
            FastNative.BindInt64(stmt, FactTables.Events.KeyParameter, key);
        }
    }
}
