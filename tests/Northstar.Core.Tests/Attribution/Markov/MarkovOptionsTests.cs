using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Markov;

namespace Northstar.Core.Tests.Attribution.Markov;

public sealed class MarkovOptionsTests
{
    // x > a > a > b converts, y > a > a > c does not; order 2.
    // Collapsed (x > a > b, y > a > c): (x,a) -> (a,b) -> conv, (y,a) -> (a,c) -> null; P = 1/2.
    // Removing x, a or b loses every conversion (effect 1), y and c none: 1 conversion split
    // x 1/3, a 1/3, b 1/3 (channels in order a b c x y).
    // Repeats kept: (x,a) and (y,a) both lead to (a,a), which goes to (a,b) or (a,c) half and half;
    // x_(a,a) = 1/2, P = 1/2 * 1/2 + 1/2 * 1/2 = 1/2. Remove x: only (y,a) starts: P = 1/4, effect 1/2;
    // y likewise 1/2; a and b: 1; c: (a,c) already leads to null, 0. Sum 3: a 1/3, b 1/3, c 0, x 1/6, y 1/6.
    private static readonly ChannelPath[] Paths =
    [
        new(["x", "a", "a", "b"], 1, 12, 0),
        new(["y", "a", "a", "c"], 0, 0, 1),
    ];

    [Fact]
    public void Compute_RepeatsCollapsed_TreatsRepeatAsOneTouch()
    {
        // Act
        var result = MarkovAttribution.Compute(Paths, new MarkovOptions(Order: 2));

        // Assert
        Assert.Equal(4, result.StateCount);
        Assert.Equal(0.5, result.ConversionProbability, 1e-12);
        MarkovHandExampleTests.AssertEffects(result, [1, 1, 0, 1, 0], [1, 1, 0, 1, 0]);
        MarkovHandExampleTests.AssertCredits(result, [1.0 / 3, 1.0 / 3, 0, 1.0 / 3, 0], [4, 4, 0, 4, 0]);
    }

    [Fact]
    public void Compute_RepeatsKept_RepeatWindowMixesJourneys()
    {
        // Act
        var result = MarkovAttribution.Compute(Paths, new MarkovOptions(Order: 2, CollapseRepeats: false));

        // Assert
        Assert.Equal(5, result.StateCount);
        Assert.Equal(0.5, result.ConversionProbability, 1e-12);
        MarkovHandExampleTests.AssertEffects(result, [1, 1, 0, 0.5, 0.5], [1, 1, 0, 0.5, 0.5]);
        MarkovHandExampleTests.AssertCredits(result, [1.0 / 3, 1.0 / 3, 0, 1.0 / 6, 1.0 / 6], [4, 4, 0, 2, 2]);
    }

    // One channel: "a" 2 conversions (value 10) and 3 nulls, "a > a" 1 conversion (value 5).
    // Collapsed, all is state a: conv 3, null 3, P = 1/2; removing a loses everything: a gets 3 and 15.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Compute_SingleChannel_GetsEverything(int order)
    {
        // Arrange
        ChannelPath[] paths = [new(["a"], 2, 10, 3), new(["a", "a"], 1, 5, 0)];

        // Act
        var result = MarkovAttribution.Compute(paths, new MarkovOptions(order));

        // Assert
        Assert.Equal(0.5, result.ConversionProbability, 1e-12);
        var credit = Assert.Single(result.Credits);
        Assert.Equal(new ChannelCredit("a", 3, 15), credit);
        Assert.Equal(1.0, result.RemovalEffects[0].Conversion);
    }

    [Fact]
    public void Compute_NoConversions_CreditsNothing()
    {
        // Arrange
        ChannelPath[] paths = [new(["a", "b"], 0, 0, 4)];

        // Act
        var result = MarkovAttribution.Compute(paths);

        // Assert
        Assert.Equal(0.0, result.ConversionProbability);
        Assert.All(result.Credits, c => Assert.Equal((0.0, 0.0), (c.Conversions, c.Value)));
    }

    [Fact]
    public void Compute_OrderOutOfRange_Throws()
    {
        // Arrange
        ChannelPath[] paths = [new(["a"], 1, 0, 0)];

        // Act / Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => MarkovAttribution.Compute(paths, new MarkovOptions(0)));
    }
}
