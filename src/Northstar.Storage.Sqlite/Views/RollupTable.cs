using System.Buffers.Binary;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// The daily event rollup table, <c>event_rollup</c>: one row per (workspace, type, local day
/// number) whose BLOB holds that day's rollup rows, sorted by dimension tuple id
/// (<see cref="DimsTable"/>): per entry the tuple id as a varint of the difference from the
/// previous entry's, the count as a zigzag varint, then 0 when the value sum is zero, else 1 and
/// the 16 bytes of <see cref="decimal.GetBits(decimal)"/> (little-endian). About 10 bytes an
/// entry instead of 32 fixed ones: on data with many pages a day holds thousands of entries,
/// and the fixed layout made the rollup larger than the events' segments. One row per day keeps
/// the import's merge to a few hundred row writes however many tuples a day has (a row per
/// tuple cost more than the events themselves on data with many pages), and a year of one
/// type is 365 rows of one range read.
/// </summary>
internal static class RollupTable
{
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
        var (at, id) = (0, 0UL);
        while (at < blob.Length)
        {
            id += Varint(blob, ref at);
            var zigzag = Varint(blob, ref at);
            var count = (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
            var value = 0m;
            if (blob[at++] != 0)
            {
                for (var i = 0; i < 4; i++)
                {
                    bits[i] = BinaryPrimitives.ReadInt32LittleEndian(blob[(at + (4 * i))..]);
                }

                (value, at) = (new decimal(bits), at + 16);
            }

            sums[(long)id] = new RollupSum(count, value);
        }
    }

    private static byte[] Encode(List<KeyValuePair<long, RollupSum>> entries)
    {
        var blob = new List<byte>(entries.Count * 12);
        Span<int> bits = stackalloc int[4];
        Span<byte> value = stackalloc byte[16];
        var previous = 0UL;
        foreach (var (id, sum) in entries)
        {
            WriteVarint(blob, (ulong)id - previous);
            WriteVarint(blob, (ulong)((sum.Count << 1) ^ (sum.Count >> 63)));
            previous = (ulong)id;
            if (sum.Value == 0m)
            {
                blob.Add(0);
                continue;
            }

            blob.Add(1);
            decimal.GetBits(sum.Value, bits);
            for (var i = 0; i < 4; i++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(value[(4 * i)..], bits[i]);
            }

            blob.AddRange(value);
        }

        return [.. blob];
    }

    private static ulong Varint(ReadOnlySpan<byte> blob, ref int at)
    {
        var (result, shift) = (0UL, 0);
        byte b;
        do
        {
            b = blob[at++];
            result |= (ulong)(b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);

        return result;
    }

    private static void WriteVarint(List<byte> blob, ulong value)
    {
        while (value >= 0x80)
        {
            blob.Add((byte)(value | 0x80));
            value >>= 7;
        }

        blob.Add((byte)value);
    }
}
