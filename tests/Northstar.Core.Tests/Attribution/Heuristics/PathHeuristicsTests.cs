using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Heuristics;
using static Northstar.Core.Tests.Attribution.Heuristics.HeuristicAttributionTests;

namespace Northstar.Core.Tests.Attribution.Heuristics;

public class PathHeuristicsTests
{
    private static readonly ChannelPath[] Paths =
    [
        new(["email", "paid_search", "direct"], 2, 600, 1),
        new(["organic_search", "email"], 1, 100, 0),
        new(["paid_social"], 0, 0, 9),
    ];

    [Fact]
    public void ByPaths_Linear_SplitsEachPathsConversionsAndValue()
    {
        var credits = HeuristicAttribution.ByPaths(Paths, HeuristicModel.Linear);

        // email: 2/3 of path 1's two conversions + 1/2 of path 2's one; 600/3 + 100/2.
        Assert.Equal(["direct", "email", "organic_search", "paid_search"], credits.Select(c => c.Channel));
        AssertCredit(credits, "email", (2.0 / 3) + 0.5, 250);
        AssertCredit(credits, "paid_search", 2.0 / 3, 200);
        AssertCredit(credits, "direct", 2.0 / 3, 200);
        AssertCredit(credits, "organic_search", 0.5, 50);
    }

    [Fact]
    public void ByPaths_LastNonDirect_CreditsTheTouchBeforeDirect()
    {
        var credits = HeuristicAttribution.ByPaths(Paths, HeuristicModel.LastNonDirectTouch);

        AssertCredit(credits, "paid_search", 2, 600);
        AssertCredit(credits, "email", 1, 100);
        Assert.Equal(2, credits.Count);
    }

    [Theory]
    [InlineData(HeuristicModel.TimeDecay)]
    [InlineData(HeuristicModel.WShaped)]
    [InlineData(HeuristicModel.FullPath)]
    public void ByPaths_ModelNeedingTimesOrRoles_Throws(HeuristicModel model)
    {
        Assert.False(TouchWeights.RunsOnPaths(model));
        Assert.Throws<ArgumentException>(() => HeuristicAttribution.ByPaths(Paths, model));
    }

    [Theory]
    [InlineData(HeuristicModel.FirstTouch)]
    [InlineData(HeuristicModel.LastTouch)]
    [InlineData(HeuristicModel.LastNonDirectTouch)]
    [InlineData(HeuristicModel.Linear)]
    [InlineData(HeuristicModel.PositionBased)]
    public void ByPaths_AggregatedRandomJourneys_MatchesByChannelOnTheJourneys(HeuristicModel model)
    {
        var journeys = ConservationTests.RandomJourneys(seed: 8, count: 3000);
        Assert.True(TouchWeights.RunsOnPaths(model));

        var fromPaths = HeuristicAttribution.ByPaths(PathTable.Aggregate(journeys), model);
        var fromJourneys = HeuristicAttribution.ByChannel(journeys, model);

        Assert.Equal(fromJourneys.Select(c => c.Channel), fromPaths.Select(c => c.Channel));
        foreach (var (expected, actual) in fromJourneys.Zip(fromPaths))
        {
            Assert.Equal(expected.Conversions, actual.Conversions, 1e-9);
            Assert.Equal(expected.Value, actual.Value, 1e-9 * Math.Max(1, expected.Value));
        }
    }
}
