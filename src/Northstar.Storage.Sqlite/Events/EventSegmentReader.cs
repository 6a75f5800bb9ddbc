using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Events;

/// <summary>Every live event of a workspace, segment by segment (the order they were written in), old versions skipped.</summary>
internal static class EventSegmentReader
{
    public static IEnumerable<EventFact> Read(sqlite3 db, long workspaceId)
    {
        var stmt = NativeSql.Prepare(db, "SELECT data, dead FROM event_segments WHERE workspace_id = ?1 ORDER BY id");
        try
        {
            raw.sqlite3_bind_int64(stmt, 1, workspaceId);
            while (NativeSql.StepRow(db, stmt))
            {
                var segment = EventSegment.Parse(raw.sqlite3_column_blob(stmt, 0).ToArray());
                var dead = raw.sqlite3_column_blob(stmt, 1).ToArray();
                for (var slot = 0; slot < segment.Count; slot++)
                {
                    if (!DeadSlots.IsDead(dead, slot))
                    {
                        yield return EventRowCodec.Decode(segment.Row(slot));
                    }
                }
            }
        }
        finally
        {
            raw.sqlite3_finalize(stmt);
        }
    }
}
