using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Heuristics;
using static Northstar.Core.Tests.Attribution.Heuristics.HeuristicAttributionTests;

namespace Northstar.Core.Tests.Attribution.Heuristics;

public class ShapleyAttributionTests
{
    // "a > b > a": 2 conversions worth 100 (distinct a, b); "b > c": 1 worth 30 (distinct b, c);
    // "c": no conversion, only nulls.
    private static readonly ChannelPath[] Paths =
    [
        new(["a", "b", "a"], 2, 100, 5),
        new(["b", "c"], 1, 30, 0),
        new(["c"], 0, 0, 3),
    ];

    [Fact]
    public void Simplified_Paths_SplitEquallyOverDistinctChannels()
    {
        var credits = ShapleyAttribution.Simplified(Paths);

        // a: half of path 1 = 1 conversion, 50; b: half of each = 1 + 0.5, 50 + 15; c: half of path 2.
        Assert.Equal(["a", "b", "c"], credits.Select(c => c.Channel));
        AssertCredit(credits, "a", 1, 50);
        AssertCredit(credits, "b", 1.5, 65);
        AssertCredit(credits, "c", 0.5, 15);
    }

    [Fact]
    public void Ordered_Paths_CreditsByFirstAppearancePosition()
    {
        var credits = ShapleyAttribution.Ordered(Paths);

        // Path 1: a at 1, b at 2 (the repeat of a adds nothing); path 2: b at 1, c at 2.
        Assert.Equal(
            [
                new PositionCredit("a", 1, 1, 50),
                new PositionCredit("b", 1, 0.5, 15),
                new PositionCredit("b", 2, 1, 50),
                new PositionCredit("c", 2, 0.5, 15),
            ],
            credits);
    }

    [Fact]
    public void Simplified_SingleChannelPaths_CreditTheChannelFully()
    {
        var credits = ShapleyAttribution.Simplified([new(["email"], 3, 70, 1), new(["direct", "direct"], 1, 20, 0)]);

        AssertCredit(credits, "email", 3, 70);
        AssertCredit(credits, "direct", 1, 20);
    }
}
