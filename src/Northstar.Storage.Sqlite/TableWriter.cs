using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Events;
using Northstar.Storage.Sqlite.Sql;
using Northstar.Storage.Sqlite.Tables;
using SQLitePCL;

namespace Northstar.Storage.Sqlite;

/// <summary>
/// Writes one kind's facts within a session through two prepared statements: the upsert and,
/// when the upsert changed nothing, the match that tells a same-session duplicate from a
/// conflict (and, for events, a hash collision from either).
/// </summary>
internal sealed class TableWriter<TFact> : ITableWriter
    where TFact : class, IFact
{
    private readonly sqlite3 _db;
    private readonly FactTable<TFact> _table;
    private readonly long _workspaceId;
    private readonly long _batch;
    private readonly Func<long, string, long>? _eventKey;
    private readonly sqlite3_stmt _upsert;
    private readonly sqlite3_stmt _match;
    private readonly RowBinder _binder = new();
    private readonly List<int> _found = [];
    private KeyedIndex[] _order = [];

    public TableWriter(sqlite3 db, long workspaceId, long batch, Func<long, string, long> eventKey)
    {
        _db = db;
        _table = FactTables.Of<TFact>();
        _workspaceId = workspaceId;
        _batch = batch;
        _eventKey = _table is EventTable ? eventKey : null;
        _upsert = NativeSql.Prepare(db, _table.UpsertSql);
        _match = NativeSql.Prepare(db, _table.MatchSql);
    }

    public void Write(ReadOnlySpan<TFact> facts, ICollection<int> conflicts)
    {
        _found.Clear();
        if (_eventKey is null)
        {
            for (var i = 0; i < facts.Length; i++)
            {
                WriteOne(facts[i], i, 0);
            }
        }
        else
        {
            WriteInKeyOrder(facts, _eventKey);
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
    // what lets the events table keep up with the importer. Ties keep their input order, so the
    // first of two same-key facts is the one applied.
    private void WriteInKeyOrder(ReadOnlySpan<TFact> facts, Func<long, string, long> eventKey)
    {
        if (_order.Length < facts.Length)
        {
            _order = new KeyedIndex[Math.Max(facts.Length, _order.Length * 2)];
        }

        for (var i = 0; i < facts.Length; i++)
        {
            _order[i] = new KeyedIndex(eventKey(_workspaceId, ((EventFact)(object)facts[i]).Id), i);
        }

        Array.Sort(_order, 0, facts.Length);
        for (var j = 0; j < facts.Length; j++)
        {
            var (key, index) = _order[j];
            WriteOne(facts[index], index, key);
        }
    }

    private void WriteOne(TFact fact, int index, long key)
    {
        while (true)
        {
            Bind(_upsert, fact, key);
            NativeSql.StepDone(_db, _upsert);
            if (FastNative.Changes(_db) > 0)
            {
                return;
            }

            var (sameFact, sameValues) = Match(fact, key);
            if (sameFact)
            {
                if (!sameValues)
                {
                    _found.Add(index);
                }

                return;
            }

            // Another event holds this hash: never overwrite it, try the next key.
            key = EventKeyHash.Next(key);
        }
    }

    private (bool SameFact, bool SameValues) Match(TFact fact, long key)
    {
        Bind(_match, fact, key);
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

    private void Bind(sqlite3_stmt stmt, TFact fact, long key)
    {
        var row = _binder.Start(stmt, 1);
        row.Int(_workspaceId);
        row.Int(_batch);
        _table.Bind(row, fact);
        if (_eventKey is not null)
        {
            FastNative.BindInt64(stmt, FactTables.Events.KeyParameter, key);
        }
    }
}
