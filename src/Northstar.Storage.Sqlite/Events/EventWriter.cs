using System.Runtime.CompilerServices;
using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Events;

/// <summary>
/// Writes a session's events: each event is encoded (<see cref="EventRowCodec"/>, on a pool
/// thread a chunk ahead), then its key is claimed in the narrow <c>events</c> table. A new key
/// appends the event to the segment being filled. A known key of the same event compares the
/// stored encoding: equal is a repeat (nothing written); different is an update (the new
/// version is appended, the key moved to it, the old slot marked dead) unless the stored
/// version was written by this same session, which is a conflict. A key held by another event
/// (a hash collision) is never overwritten: the next key is tried.
/// </summary>
internal sealed class EventWriter : ITableWriter
{
    private readonly sqlite3 _db;
    private readonly long _workspaceId;
    private readonly Func<long, string, long> _eventKey;
    private readonly sqlite3_stmt _claim;
    private readonly sqlite3_stmt _find;
    private readonly sqlite3_stmt _move;
    private readonly SegmentSet _segments;
    private readonly IEventObserver? _observer;
    private readonly RowBytes[] _chunks = [new(), new()];
    private readonly List<int> _found = [];
    private EventFact[] _facts = [];
    private KeyedIndex[] _order = [];

    public EventWriter(sqlite3 db, long workspaceId, long batch, Func<long, string, long> eventKey, IEventObserver? observer = null)
    {
        (_db, _workspaceId, _eventKey, _observer) = (db, workspaceId, eventKey, observer);
        _claim = NativeSql.Prepare(db, "INSERT INTO events(key_hash, workspace_id, id, at) VALUES(?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING");
        _find = NativeSql.Prepare(db, "SELECT workspace_id = ?2 AND id = ?3, at FROM events WHERE key_hash = ?1");
        _move = NativeSql.Prepare(db, "UPDATE events SET at = ?2 WHERE key_hash = ?1");
        _segments = new SegmentSet(db, workspaceId, batch);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write<TFact>(ReadOnlySpan<TFact> facts, ICollection<int> conflicts)
        where TFact : class, IFact
    {
        _found.Clear();
        if (_facts.Length < facts.Length)
        {
            _facts = new EventFact[Math.Max(facts.Length, _facts.Length * 2)];
        }

        for (var i = 0; i < facts.Length; i++)
        {
            _facts[i] = (EventFact)(object)facts[i];
        }

        try
        {
            SortByKey(facts.Length);
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

    public void Complete() => _segments.Complete();

    public void Dispose()
    {
        raw.sqlite3_finalize(_claim);
        raw.sqlite3_finalize(_find);
        raw.sqlite3_finalize(_move);
        _segments.Dispose();
    }

    // Claiming keys in key order turns random B-tree inserts into near-sequential ones. Ties
    // keep their input order, so the first of two same-key facts is the one applied.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SortByKey(int count)
    {
        if (_order.Length < count)
        {
            _order = new KeyedIndex[Math.Max(count, _order.Length * 2)];
        }

        for (var i = 0; i < count; i++)
        {
            _order[i] = new KeyedIndex(_eventKey(_workspaceId, _facts[i].Id), i);
        }

        Array.Sort(_order, 0, count);
    }

    private void WriteChunks(int count) => EncodeAhead.Run(count, TableWriter<EventFact>.ChunkRows, Encode, WriteChunk);

    /// <summary>Writes encoded chunk buffer <paramref name="buffer"/>, whose rows start at write-order position <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteChunk(int buffer, int start)
    {
        var rows = _chunks[buffer];
        for (var r = 0; r < rows.Count; r++)
        {
            var (key, index) = _order[start + r];
            if (WriteOne(rows.Row(r), index, key))
            {
                _observer?.Inserted(buffer, r);
            }
        }

        _observer?.Written(buffer);
    }

    /// <summary>Encodes positions [from, to) of the write order into chunk buffer <paramref name="buffer"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Encode(int buffer, int from, int to)
    {
        var rows = _chunks[buffer];
        rows.Clear();
        _observer?.Encoding(buffer);
        for (var j = from; j < to; j++)
        {
            var fact = _facts[_order[j].Index];
            EventRowCodec.Encode(fact, rows);
            rows.EndRow();
            _observer?.Encoded(buffer, j - from, fact);
        }
    }

    /// <summary>Writes one encoded event; true when it was a new one (appended under a new key).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool WriteOne(ReadOnlySpan<byte> row, int index, long key)
    {
        var id = EventRowCodec.Id(row);
        while (true)
        {
            if (Claim(key, id))
            {
                _segments.Append(row);
                return true;
            }

            if (Find(key, id) is { } position)
            {
                Apply(row, index, key, position);
                return false;
            }

            // Another event holds this key: never overwrite it, try the next one.
            key = EventKeyHash.Next(key);
        }
    }

    private void Apply(ReadOnlySpan<byte> row, int index, long key, long position)
    {
        if (_segments.RowAt(position).SequenceEqual(row))
        {
            return;
        }

        if (_segments.IsOwn(position))
        {
            _found.Add(index);
            return;
        }

        // Updates are rare (a changed event of an earlier session): decoding both versions here is cheap.
        _observer?.Updated(EventRowCodec.Decode(_segments.RowAt(position)), EventRowCodec.Decode(row));
        _segments.Kill(position);
        FastNative.ClearBindings(_move);
        FastNative.BindInt64(_move, 1, key);
        FastNative.BindInt64(_move, 2, _segments.NextPosition);
        NativeSql.StepDone(_db, _move);
        _segments.Append(row);
    }

    private bool Claim(long key, ReadOnlySpan<byte> id)
    {
        FastNative.BindInt64(_claim, 1, key);
        FastNative.BindInt64(_claim, 2, _workspaceId);
        FastNative.BindPinnedText(_claim, 3, id);
        FastNative.BindInt64(_claim, 4, _segments.NextPosition);
        NativeSql.StepDone(_db, _claim);
        return FastNative.Changes(_db) > 0;
    }

    /// <summary>The position of this event's stored version under <paramref name="key"/>, or null when the key holds another event.</summary>
    private long? Find(long key, ReadOnlySpan<byte> id)
    {
        FastNative.BindInt64(_find, 1, key);
        FastNative.BindInt64(_find, 2, _workspaceId);
        FastNative.BindPinnedText(_find, 3, id);
        try
        {
            return NativeSql.StepRow(_db, _find)
                ? raw.sqlite3_column_int(_find, 0) != 0 ? raw.sqlite3_column_int64(_find, 1) : null
                : throw new InvalidOperationException("A key insert into events changed nothing, yet no row holds the key.");
        }
        finally
        {
            FastNative.Reset(_find);
        }
    }
}
