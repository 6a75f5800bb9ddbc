using System.Buffers.Binary;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// Distinct actors per (workspace, type, local day number), table <c>actor_days</c>: one BLOB of
/// entries sorted by actor hash (<see cref="Core.Metrics.Views.ActorHash"/>), each the 8-byte hash
/// and a 4-byte count of the actor's events that day (little-endian), so a changed event can be
/// taken out again. A distinct count over a range unions the hashes of its days.
/// </summary>
internal static class ActorDayTable
{
    private const int EntrySize = 12;

    /// <summary>Adds signed per-actor changes to the stored sets; an actor whose count reaches 0 leaves.</summary>
    public static void Merge(sqlite3 db, long workspaceId, Dictionary<(EventType Type, int Day), Dictionary<long, int>> delta)
    {
        using var select = new Statement(db, "SELECT actors FROM actor_days WHERE workspace_id = ?1 AND type = ?2 AND day = ?3");
        using var upsert = new Statement(db, "INSERT INTO actor_days(workspace_id, type, day, actors) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET actors = excluded.actors");
        using var delete = new Statement(db, "DELETE FROM actor_days WHERE workspace_id = ?1 AND type = ?2 AND day = ?3");
        foreach (var ((type, day), changes) in delta)
        {
            var name = SnakeCaseNames<EventType>.Name(type);
            var counts = new Dictionary<long, int>(changes);
            foreach (var row in select.Int(1, workspaceId).Text(2, name).Int(3, day).Rows())
            {
                var blob = raw.sqlite3_column_blob(select.Handle, 0);
                for (var at = 0; at < blob.Length; at += EntrySize)
                {
                    var hash = BinaryPrimitives.ReadInt64LittleEndian(blob[at..]);
                    counts[hash] = counts.GetValueOrDefault(hash) + BinaryPrimitives.ReadInt32LittleEndian(blob[(at + 8)..]);
                }
            }

            var kept = counts.Where(c => c.Value != 0).OrderBy(c => c.Key).ToList();
            if (kept.Count == 0)
            {
                delete.Int(1, workspaceId).Text(2, name).Int(3, day).Run();
                continue;
            }

            upsert.Int(1, workspaceId).Text(2, name).Int(3, day).Blob(4, Encode(kept)).Run();
        }
    }

    /// <summary>How many distinct actor hashes the days of the range hold for any of the types.</summary>
    public static long CountDistinct(sqlite3 db, long workspaceId, IReadOnlyCollection<EventType> types, DateRange range)
    {
        using var select = new Statement(db, "SELECT actors FROM actor_days WHERE workspace_id = ?1 AND type = ?2 AND day >= ?3 AND day < ?4");
        var hashes = new List<long>();
        foreach (var type in types.Distinct())
        {
            select.Int(1, workspaceId).Text(2, SnakeCaseNames<EventType>.Name(type)).Int(3, range.Start.DayNumber).Int(4, range.End.DayNumber);
            foreach (var row in select.Rows())
            {
                var blob = raw.sqlite3_column_blob(select.Handle, 0);
                for (var at = 0; at < blob.Length; at += EntrySize)
                {
                    hashes.Add(BinaryPrimitives.ReadInt64LittleEndian(blob[at..]));
                }
            }
        }

        var all = hashes.ToArray();
        Array.Sort(all);
        long distinct = 0;
        for (var i = 0; i < all.Length; i++)
        {
            distinct += i == 0 || all[i] != all[i - 1] ? 1 : 0;
        }

        return distinct;
    }

    private static byte[] Encode(List<KeyValuePair<long, int>> entries)
    {
        var blob = new byte[entries.Count * EntrySize];
        for (var i = 0; i < entries.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(blob.AsSpan(i * EntrySize), entries[i].Key);
            BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan((i * EntrySize) + 8), entries[i].Value);
        }

        return blob;
    }
}
