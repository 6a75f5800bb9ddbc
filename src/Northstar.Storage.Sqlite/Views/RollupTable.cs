using System.Buffers.Binary;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// The daily event rollup table, <c>event_rollup</c>: one row per (workspace, type, local day
/// number) whose BLOB holds that day's rollup rows, sorted by dimension tuple id
/// (<see cref="DimsTable"/>): per entry the 8-byte tuple id, the 8-byte count and the value sum as
/// the 16 bytes of <see cref="decimal.GetBits(decimal)"/>, little-endian. One row per day keeps
/// the import's merge to a few hundred row writes however many tuples a day has (a row per
/// tuple cost more than the events themselves on data with many pages), and a year of one
/// type is 365 rows of one range read.
/// </summary>
internal static class RollupTable
{
    private const int EntrySize = 32;

    /// <summary>Adds signed changes to the stored rows: an entry reaching count 0 goes, a new tuple gets an entry.</summary>
    public static void Merge(sqlite3 db, long workspaceId, ViewDelta delta, DimsTable dims)
    {
        using var select = new Statement(db, "SELECT entries FROM event_rollup WHERE workspace_id = ?1 AND type = ?2 AND day = ?3");
        using var upsert = new Statement(db, "INSERT INTO event_rollup(workspace_id, type, day, entries) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET entries = excluded.entries");
        using var delete = new Statement(db, "DELETE FROM event_rollup WHERE workspace_id = ?1 AND type = ?2 AND day = ?3");
        foreach (var day in delta.Rollup.GroupBy(c => (c.Type, c.Day)).OrderBy(g => g.Key))
        {
            var name = SnakeCaseNames<EventType>.Name(day.Key.Type);
            var sums = new Dictionary<long, RollupSum>();
            foreach (var row in select.Int(1, workspaceId).Text(2, name).Int(3, day.Key.Day).Rows())
            {
                Decode(raw.sqlite3_column_blob(select.Handle, 0), sums);
            }

            foreach (var (_, _, index, change) in day)
            {
                var id = delta.StoredDims(index, dims);
                var sum = sums.GetValueOrDefault(id);
                sums[id] = new RollupSum(sum.Count + change.Count, sum.Value + change.Value);
            }

            var kept = sums.Where(s => s.Value.Count != 0).OrderBy(s => s.Key).ToList();
            if (kept.Count == 0)
            {
                delete.Int(1, workspaceId).Text(2, name).Int(3, day.Key.Day).Run();
            }
            else
            {
                upsert.Int(1, workspaceId).Text(2, name).Int(3, day.Key.Day).Blob(4, Encode(kept)).Run();
            }
        }
    }

    /// <summary>The rows of the given types (every type when null) with a day in the range.</summary>
    public static List<EventRollupRow> Read(sqlite3 db, long workspaceId, DateRange range, IReadOnlyCollection<EventType>? types)
    {
        using var select = new Statement(db, "SELECT day, entries FROM event_rollup WHERE workspace_id = ?1 AND type = ?2 AND day >= ?3 AND day < ?4");
        var found = new List<(DateOnly Day, EventType Type, long Dims, RollupSum Sum)>();
        foreach (var type in types?.Distinct() ?? Enum.GetValues<EventType>())
        {
            select.Int(1, workspaceId).Text(2, SnakeCaseNames<EventType>.Name(type)).Int(3, range.Start.DayNumber).Int(4, range.End.DayNumber);
            foreach (var row in select.Rows())
            {
                var day = DateOnly.FromDayNumber((int)row.Int());
                var sums = new Dictionary<long, RollupSum>();
                Decode(raw.sqlite3_column_blob(select.Handle, 1), sums);
                found.AddRange(sums.Select(s => (day, type, s.Key, s.Value)));
            }
        }

        var tuples = DimsTable.ReadAll(db, workspaceId, found.Select(f => f.Dims));
        return [.. found.Select(f => new EventRollupRow(f.Day, f.Type, tuples[f.Dims], f.Sum.Count, f.Sum.Value))];
    }

    private static void Decode(ReadOnlySpan<byte> blob, Dictionary<long, RollupSum> sums)
    {
        Span<int> bits = stackalloc int[4];
        for (var at = 0; at + EntrySize <= blob.Length; at += EntrySize)
        {
            for (var i = 0; i < 4; i++)
            {
                bits[i] = BinaryPrimitives.ReadInt32LittleEndian(blob[(at + 16 + (4 * i))..]);
            }

            sums[BinaryPrimitives.ReadInt64LittleEndian(blob[at..])] =
                new RollupSum(BinaryPrimitives.ReadInt64LittleEndian(blob[(at + 8)..]), new decimal(bits));
        }
    }

    private static byte[] Encode(List<KeyValuePair<long, RollupSum>> entries)
    {
        var blob = new byte[entries.Count * EntrySize];
        Span<int> bits = stackalloc int[4];
        for (var e = 0; e < entries.Count; e++)
        {
            var at = blob.AsSpan(e * EntrySize);
            BinaryPrimitives.WriteInt64LittleEndian(at, entries[e].Key);
            BinaryPrimitives.WriteInt64LittleEndian(at[8..], entries[e].Value.Count);
            decimal.GetBits(entries[e].Value.Value, bits);
            for (var i = 0; i < 4; i++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(at[(16 + (4 * i))..], bits[i]);
            }
        }

        return blob;
    }
}
