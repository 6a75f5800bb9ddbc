using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Markov;

namespace Northstar.Core.Tests.Attribution.Markov;

public sealed class MarkovPropertyTests
{
    private static ChannelPath[] RandomPaths(int seed, int count, int channels)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var touches = Enumerable.Range(0, random.Next(1, 7)).Select(_ => "ch" + random.Next(channels)).ToArray();
            var conversions = random.Next(0, 3);
            return new ChannelPath(touches, conversions, conversions * random.Next(1, 500), random.Next(0, 4));
        })];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Compute_RandomPaths_MatchesDenseEliminationTo1e12(int order)
    {
        // Arrange
        var paths = RandomPaths(order, 150, 5);
        var channels = paths.SelectMany(p => p.Channels).Distinct().Order(StringComparer.Ordinal).ToList();

        // Act
        var result = MarkovAttribution.Compute(paths, new MarkovOptions(order));

        // Assert
        AssertMatchesReference(paths, order, true, result);
    }

    // More channels than one block of lanes in the removal solver (16): three blocks, uneven.
    [Theory]
    [InlineData(1, 400)]
    [InlineData(2, 60)]
    public void Compute_ThirtyFiveChannels_MatchesDenseEliminationTo1e12(int order, int pathCount)
    {
        // Arrange
        var paths = RandomPaths(40 + order, pathCount, 35);

        // Act
        var result = MarkovAttribution.Compute(paths, new MarkovOptions(order));

        // Assert
        Assert.Equal(35, result.RemovalEffects.Count);
        AssertMatchesReference(paths, order, true, result);
    }

    // Repeats kept with long runs of one channel: self-loops of probability near 1 make the
    // sweeps contract slowly, the hard case for an iterative solve.
    [Fact]
    public void Compute_LongRepeatsKept_MatchesDenseEliminationTo1e12()
    {
        // Arrange
        var random = new Random(11);
        var paths = Enumerable.Range(0, 40).Select(i =>
        {
            var touches = Enumerable.Range(0, random.Next(1, 4)).SelectMany(_ => Enumerable.Repeat("ch" + random.Next(3), random.Next(1, 200))).ToArray();
            return new ChannelPath(touches, i % 3, i % 3 * 10.0, i % 2);
        }).ToArray();

        // Act
        var result = MarkovAttribution.Compute(paths, new MarkovOptions(1, CollapseRepeats: false));

        // Assert
        AssertMatchesReference(paths, 1, false, result);
    }

    private static void AssertMatchesReference(ChannelPath[] paths, int order, bool collapse, MarkovResult result)
    {
        var channels = paths.SelectMany(p => p.Channels).Distinct().Order(StringComparer.Ordinal).ToList();
        var full = DenseReferenceMarkov.Solve(paths, order, null, collapse);
        Assert.Equal(full.Conversion, result.ConversionProbability, 1e-12);
        Assert.Equal(full.Value, result.ExpectedValue, 1e-12 * full.Value);
        for (var c = 0; c < channels.Count; c++)
        {
            var without = DenseReferenceMarkov.Solve(paths, order, channels[c], collapse);
            Assert.Equal(channels[c], result.RemovalEffects[c].Channel);
            Assert.Equal(1 - (without.Conversion / full.Conversion), result.RemovalEffects[c].Conversion, 1e-12);
            Assert.Equal(1 - (without.Value / full.Value), result.RemovalEffects[c].Value, 1e-12);
        }
    }

    [Theory]
    [InlineData(1, true, true)]
    [InlineData(2, false, true)]
    [InlineData(3, true, false)]
    public void Compute_ThousandsOfPaths_CreditsAddUpToConversionsAndValue(int order, bool collapse, bool nulls)
    {
        // Arrange
        var paths = RandomPaths(100 + order, 3000, 8);
        var conversions = paths.Sum(p => (double)p.Conversions);
        var value = paths.Sum(p => p.Value);

        // Act
        var result = MarkovAttribution.Compute(paths, new MarkovOptions(order, collapse, nulls));

        // Assert
        Assert.Equal(conversions, result.Credits.Sum(c => c.Conversions), 1e-9);
        Assert.Equal(value, result.Credits.Sum(c => c.Value), 1e-7);
        Assert.All(result.Credits, c => Assert.True(c.Conversions >= 0 && c.Value >= 0));
    }

    [Fact]
    public void Compute_SameInputTwice_SameDigits()
    {
        // Arrange
        var paths = RandomPaths(7, 5000, 12);

        // Act
        var first = MarkovAttribution.Compute(paths, new MarkovOptions(3));
        var second = MarkovAttribution.Compute(paths, new MarkovOptions(3));

        // Assert
        Assert.Equal(first.ConversionProbability, second.ConversionProbability);
        Assert.Equal(first.RemovalEffects, second.RemovalEffects);
        Assert.Equal(first.Credits, second.Credits);
    }
}
