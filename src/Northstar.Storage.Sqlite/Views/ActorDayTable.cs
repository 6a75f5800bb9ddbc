using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Merge(sqlite3 db, long workspaceId, IEnumerable<(EventType Type, int Day, IEnumerable<KeyValuePair<long, int>> Changes)> delta)
    {
        using var select = new Statement(db, "SELECT actors FROM actor_days WHERE workspace_id = ?1 AND type = ?2 AND day = ?3");
        using var upsert = new Statement(db, "INSERT INTO actor_days(workspace_id, type, day, actors) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET actors = excluded.actors");
        using var delete = new Statement(db, "DELETE FROM actor_days WHERE workspace_id = ?1 AND type = ?2 AND day = ?3");
        var (hashes, counts) = (new List<long>(), new List<int>());
        foreach (var (type, day, changes) in delta)
        {
            var name = SnakeCaseNames<EventType>.Name(type);
            hashes.Clear();
            counts.Clear();
            foreach (var (hash, count) in changes)
            {
                hashes.Add(hash);
                counts.Add(count);
            }

            foreach (var row in select.Int(1, workspaceId).Text(2, name).Int(3, day).Rows())
            {
                var blob = raw.sqlite3_column_blob(select.Handle, 0);
                for (var at = 0; at < blob.Length; at += EntrySize)
                {
                    hashes.Add(BinaryPrimitives.ReadInt64LittleEndian(blob[at..]));
                    counts.Add(BinaryPrimitives.ReadInt32LittleEndian(blob[(at + 8)..]));
                }
            }

            var encoded = Encode(CollectionsMarshal.AsSpan(hashes), CollectionsMarshal.AsSpan(counts));
            if (encoded.Length == 0)
            {
                delete.Int(1, workspaceId).Text(2, name).Int(3, day).Run();
                continue;
            }

            upsert.Int(1, workspaceId).Text(2, name).Int(3, day).Blob(4, encoded).Run();
        }
    }

    /// <summary>How many distinct actor hashes the days of the range hold for any of the types.</summary>
    public static long CountDistinct(sqlite3 db, long workspaceId, IReadOnlyCollection<EventType> types, DateRange range)
    {
        using var select = new Statement(db, "SELECT actors FROM actor_days WHERE workspace_id = ?1 AND type = ?2 AND day >= ?3 AND day < ?4");
        var hashes = new long[1024];
        var count = 0;
        foreach (var type in types.Distinct())
        {
            select.Int(1, workspaceId).Text(2, SnakeCaseNames<EventType>.Name(type)).Int(3, range.Start.DayNumber).Int(4, range.End.DayNumber);
            foreach (var row in select.Rows())
            {
                var blob = raw.sqlite3_column_blob(select.Handle, 0);
                if (count + (blob.Length / EntrySize) > hashes.Length)
                {
                    Array.Resize(ref hashes, Math.Max(hashes.Length * 2, count + (blob.Length / EntrySize)));
                }

                for (var at = 0; at < blob.Length; at += EntrySize)
                {
                    hashes[count++] = BinaryPrimitives.ReadInt64LittleEndian(blob[at..]);
                }
            }
        }

        return DistinctCount(hashes.AsSpan(0, count));
    }

    /// <summary>
    /// The number of distinct values. Many values (a year of visitors at 100M events: 9.6M) are
    /// first scattered by their top bits, equal values always together, into a quarter to a half
    /// as many parts as values (at most 2^20), and each part sorted on its own: the hashes are
    /// uniform, so the parts hold a few values each. Measured on 9.6M values (3M distinct):
    /// 178 ms against 739 ms for sorting them whole; on 80,000 values 2.5 ms against 10.9.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static long DistinctCount(Span<long> values)
    {
        if (values.Length < 2048)
        {
            values.Sort();
            return DistinctInSorted(values);
        }

        var bits = Math.Clamp(BitOperations.Log2((uint)values.Length) - 1, 8, 20);

        var starts = new int[(1 << bits) + 1];
        foreach (var value in values)
        {
            starts[(int)((ulong)value >> (64 - bits)) + 1]++;
        }

        for (var b = 1; b < starts.Length; b++)
        {
            starts[b] += starts[b - 1];
        }

        var parts = new long[values.Length];
        var next = starts.AsSpan(0, 1 << bits).ToArray();
        foreach (var value in values)
        {
            parts[next[(int)((ulong)value >> (64 - bits))]++] = value;
        }

        long distinct = 0;
        for (var b = 0; b < 1 << bits; b++)
        {
            // A part holds a few values: sorted in place by insertion (no call per part), longer ones by Sort.
            var part = parts.AsSpan(starts[b], starts[b + 1] - starts[b]);
            if (part.Length > 32)
            {
                part.Sort();
            }
            else
            {
                for (var i = 1; i < part.Length; i++)
                {
                    var value = part[i];
                    var j = i - 1;
                    for (; j >= 0 && part[j] > value; j--)
                    {
                        part[j + 1] = part[j];
                    }

                    part[j + 1] = value;
                }
            }

            for (var i = 0; i < part.Length; i++)
            {
                distinct += i == 0 || part[i] != part[i - 1] ? 1 : 0;
            }
        }

        return distinct;
    }

    private static long DistinctInSorted(ReadOnlySpan<long> sorted)
    {
        long distinct = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            distinct += i == 0 || sorted[i] != sorted[i - 1] ? 1 : 0;
        }

        return distinct;
    }

    /// <summary>
    /// Sorts the (hash, count) pairs by hash, adds up the counts of equal hashes and encodes
    /// those whose sum is not 0 (sorting arrays: a dictionary of every pair cost more than the fold).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static byte[] Encode(Span<long> hashes, Span<int> counts)
    {
        hashes.Sort(counts);
        var blob = new byte[hashes.Length * EntrySize];
        var written = 0;
        for (var i = 0; i < hashes.Length;)
        {
            var (hash, sum) = (hashes[i], 0);
            for (; i < hashes.Length && hashes[i] == hash; i++)
            {
                sum += counts[i];
            }

            if (sum != 0)
            {
                BinaryPrimitives.WriteInt64LittleEndian(blob.AsSpan(written), hash);
                BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(written + 8), sum);
                written += EntrySize;
            }
        }

        return written == blob.Length ? blob : blob[..written];
    }
}
