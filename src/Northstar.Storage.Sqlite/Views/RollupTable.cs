using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Merge(sqlite3 db, long workspaceId, ViewDelta delta, DimsTable dims)
    {
        using var select = new Statement(db, "SELECT entries FROM event_rollup WHERE workspace_id = ?1 AND type = ?2 AND day = ?3");
        using var upsert = new Statement(db, "INSERT INTO event_rollup(workspace_id, type, day, entries) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET entries = excluded.entries");
        using var delete = new Statement(db, "DELETE FROM event_rollup WHERE workspace_id = ?1 AND type = ?2 AND day = ?3");
        var (ids, sums) = (new List<long>(), new List<RollupSum>());
        foreach (var (type, counts) in delta.RollupGroups())
        {
            var day = counts.Day;
            var name = SnakeCaseNames<EventType>.Name(type);
            ids.Clear();
            sums.Clear();
            foreach (var row in select.Int(1, workspaceId).Text(2, name).Int(3, day).Rows())
            {
                Decode(raw.sqlite3_column_blob(select.Handle, 0), ids, sums);
            }

            var rollup = counts.Rollup;
            for (var i = 0; i < rollup.Capacity; i++)
            {
                if (rollup.At(i, out var key, out var count) && (key & 0xff) == (int)type)
                {
                    ids.Add(delta.StoredDims((int)(key >> 8), dims));
                    sums.Add(new RollupSum(count, counts.Values.TryGet(key, out var value) ? value : 0m));
                }
            }

            var encoded = Encode(CollectionsMarshal.AsSpan(ids), CollectionsMarshal.AsSpan(sums));
            if (encoded.Length == 0)
            {
                delete.Int(1, workspaceId).Text(2, name).Int(3, day).Run();
            }
            else
            {
                upsert.Int(1, workspaceId).Text(2, name).Int(3, day).Blob(4, encoded).Run();
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
                var (ids, sums) = (new List<long>(), new List<RollupSum>());
                Decode(raw.sqlite3_column_blob(select.Handle, 1), ids, sums);
                found.AddRange(ids.Select((id, i) => (day, type, id, sums[i])));
            }
        }

        var tuples = DimsTable.ReadAll(db, workspaceId, found.Select(f => f.Dims));
        return [.. found.Select(f => new EventRollupRow(f.Day, f.Type, tuples[f.Dims], f.Sum.Count, f.Sum.Value))];
    }

    /// <summary>Appends a stored row's entries (in id order, each id once) to the lists.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Decode(ReadOnlySpan<byte> blob, List<long> ids, List<RollupSum> sums)
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

            ids.Add((long)id);
            sums.Add(new RollupSum(count, value));
        }
    }

    /// <summary>
    /// Sorts the (id, change) pairs by id, adds up the changes of equal ids and encodes the sums
    /// whose count is not 0 (sorted arrays: a dictionary of every entry cost more than the fold).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static byte[] Encode(Span<long> ids, Span<RollupSum> changes)
    {
        ids.Sort(changes);
        // Per entry at most two 10-byte varints, a flag and a 16-byte decimal: rented, as on a
        // busy day that is past the large-object threshold (each such array cost a full collection's share).
        var blob = ArrayPool<byte>.Shared.Rent(ids.Length * 37);
        var (at, previous) = (0, 0UL);
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < ids.Length;)
        {
            var (id, count, value) = (ids[i], 0L, 0m);
            for (; i < ids.Length && ids[i] == id; i++)
            {
                (count, value) = (count + changes[i].Count, value + changes[i].Value);
            }

            if (count == 0)
            {
                continue;
            }

            WriteVarint(blob, ref at, (ulong)id - previous);
            WriteVarint(blob, ref at, (ulong)((count << 1) ^ (count >> 63)));
            previous = (ulong)id;
            blob[at++] = value == 0m ? (byte)0 : (byte)1;
            if (value != 0m)
            {
                decimal.GetBits(value, bits);
                for (var b = 0; b < 4; b++)
                {
                    BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(at + (4 * b)), bits[b]);
                }

                at += 16;
            }
        }

        var encoded = blob[..at];
        ArrayPool<byte>.Shared.Return(blob);
        return encoded;
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteVarint(byte[] blob, ref int at, ulong value)
    {
        while (value >= 0x80)
        {
            blob[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        blob[at++] = (byte)value;
    }
}
