using Northstar.Storage.Sqlite.Views;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>Distinct counts over unions of sorted runs (<see cref="DistinctRuns.Count"/>), small and partitioned, against hash sets.</summary>
public sealed class DistinctCountTests
{
    [Theory]
    [InlineData(0, 10, 3)]
    [InlineData(1_000, 300, 5)]
    [InlineData(300_000, 120_000, 30)] // past one part: the largest range cut by the top 6 bits
    [InlineData(300_000, 40, 30)] // a few values repeated: most parts empty
    [InlineData(9_000, 6_000, 7)] // just past one part
    [InlineData(3_000_000, 1_500_000, 60)]
    public void Count_RandomRunsAndRanges_EqualHashSetsOfTheirRuns(int count, int pool, int runs)
    {
        var random = new Random(count + pool);
        var distinctValues = Enumerable.Range(0, pool).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).ToArray();
        // Runs of different lengths, each sorted and without repeats inside (as a day's actor list).
        var lists = Enumerable.Range(0, runs)
            .Select(_ => Enumerable.Range(0, random.Next(2 * count / runs + 1)).Select(_ => distinctValues[random.Next(pool)]).Distinct().Order().ToArray())
            .ToList();
        // Ranges: every run alone, runs in tens (months), all of them (the year) and a set that skips some.
        var ranges = Enumerable.Range(0, runs).Select(r => new[] { r })
            .Concat(Enumerable.Range(0, (runs + 9) / 10).Select(m => Enumerable.Range(m * 10, Math.Min(10, runs - (m * 10))).ToArray()))
            .Append(Enumerable.Range(0, runs).ToArray())
            .Append(Enumerable.Range(0, runs).Where(r => r % 3 != 1).ToArray())
            .ToList();

        var counts = Count(lists, ranges);

        var expected = ranges.Select(range => (long)range.SelectMany(r => lists[r]).ToHashSet().Count).ToArray();
        Assert.Equal(expected, counts);
        Assert.True(count == 0 || expected[^2] < lists.Sum(l => l.Length), "runs share values");
    }

    [Fact]
    public void Count_ExtremesAndNegatives_EachCountedOnce()
    {
        // long.MinValue is the key 0 that marks an empty slot; it is counted apart.
        long[] extremes = [long.MinValue, -1, 0, 1, long.MaxValue];
        var filler = new Random(7);
        var lists = Enumerable.Range(0, 4)
            .Select(_ => extremes.Concat(Enumerable.Range(0, 5_000).Select(_ => filler.NextInt64(1_000, 1_000_000))).Distinct().Order().ToArray())
            .ToList();

        var counts = Count(lists, [[0], [0, 1, 2, 3]]);

        Assert.Equal(lists[0].Length, counts[0]);
        Assert.Equal(lists.SelectMany(l => l).Distinct().Count(), counts[1]);
    }

    [Fact]
    public void Count_AllValuesInOnePart_TheTableGrows()
    {
        // Consecutive numbers share their top bits: one part holds them all, far more than its table's share.
        var lists = Enumerable.Range(0, 20).Select(d => Enumerable.Range(d * 5_000, 20_000).Select(v => (long)v).ToArray()).ToList();
        var spread = Enumerable.Range(0, 30_000).Select(v => (long)v * 1_000_003_000_000).Order().ToArray();
        lists.Add(spread);

        var counts = Count(lists, [[.. Enumerable.Range(0, 21)], [0, 1], [20]]);

        Assert.Equal((95_000 + 20_000) + spread.Count(v => v >= 115_000), counts[0]);
        Assert.Equal(25_000, counts[1]);
        Assert.Equal(30_000, counts[2]);
    }

    private static long[] Count(List<long[]> lists, IReadOnlyList<int[]> ranges)
    {
        var starts = new List<int> { 0 };
        foreach (var list in lists)
        {
            starts.Add(starts[^1] + list.Length);
        }

        return DistinctRuns.Count([.. lists.SelectMany(l => l)], [.. starts], ranges);
    }
}
