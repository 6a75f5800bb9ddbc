using System.Buffers;
using System.Buffers.Binary;
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

    /// <summary>
    /// Adds signed per-actor changes to the stored sets; an actor whose count reaches 0 leaves.
    /// Only the changes are sorted: the stored list already is, so the two are merged in one pass
    /// into a buffer kept across days (a new array per day and flush was a sixth of the views'
    /// allocations on a 4M-event import).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Merge(sqlite3 db, long workspaceId, IEnumerable<(EventType Type, int Day, IEnumerable<KeyValuePair<long, int>> Changes)> delta)
    {
        using var select = new Statement(db, "SELECT actors FROM actor_days WHERE workspace_id = ?1 AND type = ?2 AND day = ?3");
        using var upsert = new Statement(db, "INSERT INTO actor_days(workspace_id, type, day, actors) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET actors = excluded.actors");
        using var delete = new Statement(db, "DELETE FROM actor_days WHERE workspace_id = ?1 AND type = ?2 AND day = ?3");
        var (hashes, counts) = (new List<long>(), new List<int>());
        var buffer = Array.Empty<byte>();
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

            var sortedHashes = CollectionsMarshal.AsSpan(hashes);
            var sortedCounts = CollectionsMarshal.AsSpan(counts);
            sortedHashes.Sort(sortedCounts);
            var length = -1;
            foreach (var row in select.Int(1, workspaceId).Text(2, name).Int(3, day).Rows())
            {
                length = MergeSorted(raw.sqlite3_column_blob(select.Handle, 0), sortedHashes, sortedCounts, ref buffer);
            }

            if (length < 0)
            {
                length = MergeSorted([], sortedHashes, sortedCounts, ref buffer);
            }

            if (length == 0)
            {
                delete.Int(1, workspaceId).Text(2, name).Int(3, day).Run();
                continue;
            }

            upsert.Int(1, workspaceId).Text(2, name).Int(3, day).Blob(4, buffer.AsSpan(0, length)).Run();
        }
    }

    /// <summary>
    /// How many distinct actor hashes the days of each range hold for any of the types, in the
    /// ranges' order. The days any range covers are read once (a query by month asks for every
    /// month, the year and the year before) and counted by <see cref="DistinctRuns"/>.
    /// </summary>
    public static long[] CountDistinct(sqlite3 db, long workspaceId, IReadOnlyCollection<EventType> types, IReadOnlyList<DateRange> ranges)
    {
        var spans = Spans(ranges);
        var names = types.Distinct().Select(SnakeCaseNames<EventType>.Name).ToList();
        using var size = new Statement(db, "SELECT sum(length(actors)) FROM actor_days WHERE workspace_id = ?1 AND type = ?2 AND day >= ?3 AND day < ?4");
        long bytes = 0;
        foreach (var name in names)
        {
            foreach (var span in spans)
            {
                bytes += size.Int(1, workspaceId).Text(2, name).Int(3, span.Start.DayNumber).Int(4, span.End.DayNumber).Scalar() ?? 0;
            }
        }

        // Every blob of the spans, one after another: the runs, each sorted by hash. Rented: a year
        // of visitors at 100M events is 77 MB, which a new array would fault in afresh each time.
        var values = ArrayPool<long>.Shared.Rent((int)(bytes / EntrySize));
        try
        {
            return Count(db, workspaceId, names, spans, ranges, values);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(values);
        }
    }

    private static long[] Count(sqlite3 db, long workspaceId, List<string> names, List<DateRange> spans, IReadOnlyList<DateRange> ranges, long[] values)
    {
        var (runStarts, runDays) = (new List<int> { 0 }, new List<int>());
        using var select = new Statement(db, "SELECT day, actors FROM actor_days WHERE workspace_id = ?1 AND type = ?2 AND day >= ?3 AND day < ?4");
        var count = 0;
        foreach (var name in names)
        {
            foreach (var span in spans)
            {
                select.Int(1, workspaceId).Text(2, name).Int(3, span.Start.DayNumber).Int(4, span.End.DayNumber);
                foreach (var row in select.Rows())
                {
                    var blob = raw.sqlite3_column_blob(select.Handle, 1);
                    if (count + (blob.Length / EntrySize) > values.Length)
                    {
                        throw new InvalidOperationException("actor_days changed between its size and its read in one transaction.");
                    }

                    for (var at = 0; at < blob.Length; at += EntrySize)
                    {
                        values[count++] = BinaryPrimitives.ReadInt64LittleEndian(blob.Slice(at, 8));
                    }

                    runStarts.Add(count);
                    runDays.Add(raw.sqlite3_column_int(select.Handle, 0));
                }
            }
        }

        var rangeRuns = ranges
            .Select(range => Enumerable.Range(0, runDays.Count)
                .Where(run => runDays[run] >= range.Start.DayNumber && runDays[run] < range.End.DayNumber)
                .ToArray())
            .ToList();
        return DistinctRuns.Count(values.AsSpan(0, count), CollectionsMarshal.AsSpan(runStarts), rangeRuns);
    }

    /// <summary>The ranges merged where they overlap or touch, so a day is read once.</summary>
    private static List<DateRange> Spans(IReadOnlyList<DateRange> ranges)
    {
        var spans = new List<DateRange>();
        foreach (var range in ranges.Where(r => r.Days > 0).OrderBy(r => r.Start))
        {
            if (spans.Count > 0 && range.Start <= spans[^1].End)
            {
                spans[^1] = new DateRange(spans[^1].Start, range.End > spans[^1].End ? range.End : spans[^1].End);
            }
            else
            {
                spans.Add(range);
            }
        }

        return spans;
    }

    /// <summary>
    /// Merges a stored list (<paramref name="stored"/>, sorted by hash) with changes sorted by
    /// hash, each hash at most once, into <paramref name="buffer"/> (grown when short): the
    /// counts of a hash in both are added, and a hash whose count comes to 0 is left out.
    /// Returns the bytes written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int MergeSorted(ReadOnlySpan<byte> stored, ReadOnlySpan<long> hashes, ReadOnlySpan<int> counts, ref byte[] buffer)
    {
        var need = stored.Length + (hashes.Length * EntrySize);
        if (buffer.Length < need)
        {
            buffer = new byte[Math.Max(need, buffer.Length * 2)];
        }

        var (written, at, next) = (0, 0, 0);
        while (at < stored.Length || next < hashes.Length)
        {
            long hash;
            int sum;
            var storedHash = at < stored.Length ? BinaryPrimitives.ReadInt64LittleEndian(stored[at..]) : 0;
            if (next == hashes.Length || (at < stored.Length && storedHash < hashes[next]))
            {
                (hash, sum) = (storedHash, BinaryPrimitives.ReadInt32LittleEndian(stored[(at + 8)..]));
                at += EntrySize;
            }
            else if (at < stored.Length && storedHash == hashes[next])
            {
                (hash, sum) = (storedHash, BinaryPrimitives.ReadInt32LittleEndian(stored[(at + 8)..]) + counts[next]);
                at += EntrySize;
                next++;
            }
            else
            {
                (hash, sum) = (hashes[next], counts[next]);
                next++;
            }

            if (sum != 0)
            {
                BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(written), hash);
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(written + 8), sum);
                written += EntrySize;
            }
        }

        return written;
    }
}
