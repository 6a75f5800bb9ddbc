using Northstar.Storage.Sqlite.Sql;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Events;

/// <summary>
/// Marks slots of a stored segment as old versions: its dead-slot bitmap, live count and time
/// range (over the live events only, so summaries stay exact) are rewritten, and a segment
/// left with no live event is deleted.
/// </summary>
internal static class SegmentLiveness
{
    public static void Apply(sqlite3 db, long segment, IReadOnlyCollection<int> slots)
    {
        var (parsed, bitmap) = Read(db, segment);
        var dead = DeadSlots.With(bitmap, parsed.Count, slots);
        var (live, min, max) = (0L, long.MaxValue, long.MinValue);
        for (var slot = 0; slot < parsed.Count; slot++)
        {
            if (!DeadSlots.IsDead(dead, slot))
            {
                var micros = EventRowCodec.Micros(parsed.Row(slot));
                (live, min, max) = (live + 1, Math.Min(min, micros), Math.Max(max, micros));
            }
        }

        if (live == 0)
        {
            Run(db, "DELETE FROM event_segments WHERE id = ?1", stmt => raw.sqlite3_bind_int64(stmt, 1, segment));
            return;
        }

        Run(db, "UPDATE event_segments SET live = ?2, min_time = ?3, max_time = ?4, dead = ?5 WHERE id = ?1", stmt =>
        {
            raw.sqlite3_bind_int64(stmt, 1, segment);
            raw.sqlite3_bind_int64(stmt, 2, live);
            raw.sqlite3_bind_int64(stmt, 3, min);
            raw.sqlite3_bind_int64(stmt, 4, max);
            raw.sqlite3_bind_blob(stmt, 5, dead);
        });
    }

    private static (EventSegment Segment, byte[] Dead) Read(sqlite3 db, long segment)
    {
        var stmt = NativeSql.Prepare(db, "SELECT data, dead FROM event_segments WHERE id = ?1");
        try
        {
            raw.sqlite3_bind_int64(stmt, 1, segment);
            return NativeSql.StepRow(db, stmt)
                ? (EventSegment.Parse(raw.sqlite3_column_blob(stmt, 0).ToArray()), raw.sqlite3_column_blob(stmt, 1).ToArray())
                : throw new InvalidDataException($"Event segment {segment} is missing, yet a key pointed into it.");
        }
        finally
        {
            raw.sqlite3_finalize(stmt);
        }
    }

    private static void Run(sqlite3 db, string sql, Action<sqlite3_stmt> bind)
    {
        var stmt = NativeSql.Prepare(db, sql);
        try
        {
            bind(stmt);
            NativeSql.StepDone(db, stmt);
        }
        finally
        {
            raw.sqlite3_finalize(stmt);
        }
    }
}
