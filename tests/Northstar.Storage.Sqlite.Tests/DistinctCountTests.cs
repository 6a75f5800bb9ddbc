using Northstar.Storage.Sqlite.Views;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>The distinct count of actor hashes (<see cref="ActorDayTable.DistinctCount"/>), small and partitioned, against a hash set.</summary>
public sealed class DistinctCountTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(1_000, 300)]
    [InlineData(300_000, 120_000)] // past the threshold: scattered by the top 17 bits first
    [InlineData(300_000, 40)] // a few values repeated: most parts empty
    [InlineData(3_000, 2_000)] // just past it: 10 bits
    [InlineData(5_000_000, 2_000_000)] // 20 bits, the most
    public void DistinctCount_RandomHashesWithRepeats_EqualsAHashSetsCount(int count, int pool)
    {
        var random = new Random(count + pool);
        var distinctValues = Enumerable.Range(0, pool).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).ToArray();
        var values = Enumerable.Range(0, count).Select(_ => distinctValues[random.Next(pool)]).ToArray();
        var expected = values.ToHashSet().Count;

        var distinct = ActorDayTable.DistinctCount(values);

        Assert.Equal(expected, distinct);
        Assert.True(count == 0 || expected > 1, "the data has repeats and more than one value");
    }

    [Fact]
    public void DistinctCount_ExtremesAndNegatives_EachCountedOnce()
    {
        long[] values = [.. Enumerable.Repeat(new long[] { long.MinValue, -1, 0, 1, long.MaxValue }, 20_000).SelectMany(v => v)];

        Assert.Equal(5, ActorDayTable.DistinctCount(values));
    }
}
