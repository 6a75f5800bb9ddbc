using System.Buffers.Binary;
using Northstar.Storage.Sqlite.Views;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>A day's stored actor list merged with a flush's changes (<see cref="ActorDayTable.MergeSorted"/>), against a dictionary.</summary>
public sealed class ActorDayMergeTests
{
    [Fact]
    public void MergeSorted_HandWorked_AddsCountsAndDropsZeros()
    {
        // Stored: -5 (2 events), 3 (1), 9 (4). Changes: -7 +1 (new), 3 -1 (leaves), 9 +2, 12 +1 (new).
        var stored = Encode([(-5, 2), (3, 1), (9, 4)]);
        var buffer = Array.Empty<byte>();

        var length = ActorDayTable.MergeSorted(stored, [-7, 3, 9, 12], [1, -1, 2, 1], ref buffer);

        Assert.Equal([(-7L, 1), (-5L, 2), (9L, 6), (12L, 1)], Decode(buffer.AsSpan(0, length)));
    }

    [Fact]
    public void MergeSorted_EverythingTakenOut_WritesNothing()
    {
        var buffer = new byte[4];
        var length = ActorDayTable.MergeSorted(Encode([(1, 1), (2, 3)]), [1, 2], [-1, -3], ref buffer);
        Assert.Equal(0, length);
    }

    [Theory]
    [InlineData(0, 500)]
    [InlineData(500, 0)]
    [InlineData(3_000, 2_000)]
    [InlineData(20_000, 20_000)]
    public void MergeSorted_RandomListsReusingOneBuffer_EqualDictionarySums(int storedCount, int changeCount)
    {
        var random = new Random(storedCount + (7 * changeCount));
        var buffer = Array.Empty<byte>();
        for (var round = 0; round < 3; round++)
        {
            // Hashes drawn from a small pool so that stored and changed lists overlap, extremes included.
            long[] pool = [long.MinValue, long.MaxValue, 0, .. Enumerable.Range(0, storedCount + changeCount).Select(_ => random.NextInt64(long.MinValue, long.MaxValue))];
            var stored = pool.OrderBy(_ => random.Next()).Take(storedCount).Distinct().Order().Select(h => (h, random.Next(1, 5))).ToArray();
            var changes = pool.OrderBy(_ => random.Next()).Take(changeCount).Distinct().Order().Select(h => (h, random.Next(-4, 5))).ToArray();
            var expected = stored.ToDictionary(s => s.h, s => s.Item2);
            foreach (var (hash, change) in changes)
            {
                expected[hash] = expected.GetValueOrDefault(hash) + change;
            }

            var length = ActorDayTable.MergeSorted(Encode(stored), changes.Select(c => c.h).ToArray(), changes.Select(c => c.Item2).ToArray(), ref buffer);

            Assert.Equal(expected.Where(e => e.Value != 0).OrderBy(e => e.Key).Select(e => (e.Key, e.Value)), Decode(buffer.AsSpan(0, length)));
        }
    }

    private static byte[] Encode((long Hash, int Count)[] entries)
    {
        var blob = new byte[entries.Length * 12];
        for (var i = 0; i < entries.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(blob.AsSpan(i * 12), entries[i].Hash);
            BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan((i * 12) + 8), entries[i].Count);
        }

        return blob;
    }

    private static List<(long, int)> Decode(ReadOnlySpan<byte> blob)
    {
        var entries = new List<(long, int)>();
        for (var at = 0; at < blob.Length; at += 12)
        {
            entries.Add((BinaryPrimitives.ReadInt64LittleEndian(blob[at..]), BinaryPrimitives.ReadInt32LittleEndian(blob[(at + 8)..])));
        }

        return entries;
    }
}
