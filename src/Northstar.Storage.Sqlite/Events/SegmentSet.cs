using System.Runtime.CompilerServices;
using Northstar.Storage.Sqlite.Sql;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Events;

/// <summary>
/// A write session's view of one workspace's event segments: the segment being filled (in
/// memory until full or until the session completes), the stored ones it had to look into
/// (a few kept decoded), and the slots its updates turned into old versions, applied to their
/// segments once at the end. Segment ids only grow, so a segment at or past
/// <see cref="FirstOwn"/> was written by this session.
/// </summary>
internal sealed class SegmentSet : IDisposable
{
    private const int CachedSegments = 64;

    private readonly sqlite3 _db;
    private readonly long _workspaceId;
    private readonly long _batch;
    private readonly sqlite3_stmt _insert;
    private readonly sqlite3_stmt _load;
    private readonly RowBytes _filling = new();
    private readonly Dictionary<long, EventSegment> _cache = [];
    private readonly Dictionary<long, List<int>> _dead = [];
    private readonly MemoryStream _stored = new();
    private byte[] _blob = [];
    private long _filled;
    private InFlight? _inFlight;

    public SegmentSet(sqlite3 db, long workspaceId, long batch)
    {
        (_db, _workspaceId, _batch) = (db, workspaceId, batch);
        FirstOwn = NativeSql.ScalarInt64(db, "SELECT coalesce(max(id), 0) + 1 FROM event_segments");
        _filled = FirstOwn;
        _insert = NativeSql.Prepare(db,
            "INSERT INTO event_segments(id, workspace_id, batch, live, min_time, max_time, data) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        _load = NativeSql.Prepare(db, "SELECT data FROM event_segments WHERE id = ?1");
    }

    /// <summary>The first segment id of this session.</summary>
    public long FirstOwn { get; }

    /// <summary>Where the next appended event goes: segment id shifted left by <see cref="EventSegment.SlotBits"/>, plus the slot.</summary>
    public long NextPosition => (_filled << EventSegment.SlotBits) | (uint)_filling.Count;

    public bool IsOwn(long position) => position >> EventSegment.SlotBits >= FirstOwn;

    public void Append(ReadOnlySpan<byte> row)
    {
        _filling.AddRow(row);
        if (_filling.Count == EventSegment.Rows)
        {
            Flush();
        }
    }

    /// <summary>The encoded event stored at <paramref name="position"/>.</summary>
    public ReadOnlySpan<byte> RowAt(long position)
    {
        var (segment, slot) = (position >> EventSegment.SlotBits, (int)(position & (EventSegment.Rows - 1)));
        return segment == _filled ? _filling.Row(slot)
            : segment == _inFlight?.Id ? _inFlight.Segment.Row(slot)
            : Load(segment).Row(slot);
    }

    /// <summary>Notes that the event at <paramref name="position"/> has a newer version elsewhere.</summary>
    public void Kill(long position)
    {
        var segment = position >> EventSegment.SlotBits;
        if (!_dead.TryGetValue(segment, out var slots))
        {
            _dead.Add(segment, slots = []);
        }

        slots.Add((int)(position & (EventSegment.Rows - 1)));
    }

    /// <summary>Stores the segment being filled and marks the old versions: call once, before commit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Complete()
    {
        if (_filling.Count > 0)
        {
            Flush();
        }

        Store();
        foreach (var (segment, slots) in _dead)
        {
            SegmentLiveness.Apply(_db, segment, slots);
        }

        _dead.Clear();
    }

    public void Dispose()
    {
        // The compression may still read the buffers; let it end before they go.
        ((IAsyncResult?)_inFlight?.Compressing)?.AsyncWaitHandle.WaitOne();
        raw.sqlite3_finalize(_insert);
        raw.sqlite3_finalize(_load);
        _stored.Dispose();
    }

    /// <summary>
    /// Ends the segment being filled: its blob is compressed on a pool thread while the next
    /// one fills, and inserted when that one ends (or at <see cref="Complete"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Flush()
    {
        Store();
        var (min, max) = (long.MaxValue, long.MinValue);
        for (var i = 0; i < _filling.Count; i++)
        {
            var micros = EventRowCodec.Micros(_filling.Row(i));
            (min, max) = (Math.Min(min, micros), Math.Max(max, micros));
        }

        var length = EventSegment.Build(_filling, ref _blob);
        var blob = _blob;
        _inFlight = new InFlight(_filled, _filling.Count, min, max, EventSegment.Parse(blob),
            Task.Run(() => EventSegment.Compress(blob.AsSpan(0, length), _stored)));
        _filling.Clear();
        _filled++;
    }

    private void Store()
    {
        if (_inFlight is not { } segment)
        {
            return;
        }

        segment.Compressing.GetAwaiter().GetResult();
        raw.sqlite3_bind_int64(_insert, 1, segment.Id);
        raw.sqlite3_bind_int64(_insert, 2, _workspaceId);
        raw.sqlite3_bind_int64(_insert, 3, _batch);
        raw.sqlite3_bind_int64(_insert, 4, segment.Count);
        raw.sqlite3_bind_int64(_insert, 5, segment.Min);
        raw.sqlite3_bind_int64(_insert, 6, segment.Max);
        raw.sqlite3_bind_blob(_insert, 7, _stored.GetBuffer().AsSpan(0, (int)_stored.Length));
        NativeSql.StepDone(_db, _insert);
        raw.sqlite3_clear_bindings(_insert);
        _inFlight = null;
    }

    private EventSegment Load(long segment)
    {
        if (_cache.TryGetValue(segment, out var cached))
        {
            return cached;
        }

        raw.sqlite3_bind_int64(_load, 1, segment);
        try
        {
            var loaded = NativeSql.StepRow(_db, _load)
                ? EventSegment.Parse(raw.sqlite3_column_blob(_load, 0).ToArray())
                : throw new InvalidDataException($"Event segment {segment} is missing, yet a key points into it.");
            if (_cache.Count == CachedSegments)
            {
                _cache.Clear();
            }

            _cache.Add(segment, loaded);
            return loaded;
        }
        finally
        {
            raw.sqlite3_reset(_load);
        }
    }

    private sealed record InFlight(long Id, int Count, long Min, long Max, EventSegment Segment, Task Compressing);
}
