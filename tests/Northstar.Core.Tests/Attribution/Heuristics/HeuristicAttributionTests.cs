using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Heuristics;
using static Northstar.Core.Tests.Attribution.Heuristics.Journeys;

namespace Northstar.Core.Tests.Attribution.Heuristics;

public class HeuristicAttributionTests
{
    // J1: email > paid_search > direct, value 300; J2: organic_search > email, value 100; J3 never converted.
    private static readonly Journey[] Sample =
    [
        Converted(300, T(1, "email"), T(3, "paid_search"), T(5, "direct")),
        Converted(100, T(2, "organic_search"), T(4, "email")),
        Open(T(1, "paid_social")),
    ];

    [Fact]
    public void ByChannel_FirstTouch_CreditsEachJourneysFirstChannel()
    {
        var credits = HeuristicAttribution.ByChannel(Sample, HeuristicModel.FirstTouch);

        Assert.Equal(["email", "organic_search"], credits.Select(c => c.Channel));
        Assert.Equal((1.0, 300.0), Credit(credits, "email"));
        Assert.Equal((1.0, 100.0), Credit(credits, "organic_search"));
    }

    [Fact]
    public void ByChannel_LastTouch_CreditsEachJourneysLastChannel()
    {
        var credits = HeuristicAttribution.ByChannel(Sample, HeuristicModel.LastTouch);

        Assert.Equal(["direct", "email"], credits.Select(c => c.Channel));
        Assert.Equal((1.0, 300.0), Credit(credits, "direct"));
        Assert.Equal((1.0, 100.0), Credit(credits, "email"));
    }

    [Fact]
    public void ByChannel_LastNonDirect_SkipsTrailingDirect()
    {
        var credits = HeuristicAttribution.ByChannel(Sample, HeuristicModel.LastNonDirectTouch);

        Assert.Equal(["email", "paid_search"], credits.Select(c => c.Channel));
        Assert.Equal((1.0, 300.0), Credit(credits, "paid_search"));
        Assert.Equal((1.0, 100.0), Credit(credits, "email"));
    }

    [Fact]
    public void ByChannel_LastNonDirectAllDirect_CreditsDirect()
    {
        var journeys = new[] { Converted(80, T(1, "direct"), T(2, "direct")) };

        var credits = HeuristicAttribution.ByChannel(journeys, HeuristicModel.LastNonDirectTouch);

        Assert.Equal(new ChannelCredit("direct", 1, 80), Assert.Single(credits));
    }

    [Fact]
    public void ByChannel_Linear_SplitsEquallyOverTouches()
    {
        var credits = HeuristicAttribution.ByChannel(Sample, HeuristicModel.Linear);

        // email: 1/3 of J1 + 1/2 of J2 = 5/6 conversions; 300/3 + 100/2 = 150.
        AssertCredit(credits, "email", 5.0 / 6, 150);
        AssertCredit(credits, "paid_search", 1.0 / 3, 100);
        AssertCredit(credits, "direct", 1.0 / 3, 100);
        AssertCredit(credits, "organic_search", 0.5, 50);
    }

    [Fact]
    public void ByChannel_PositionBased_FortyTwentyFortyAndFiftyFifty()
    {
        var credits = HeuristicAttribution.ByChannel(Sample, HeuristicModel.PositionBased);

        // J1 (3 touches): 0.4 / 0.2 / 0.4; J2 (2 touches): 0.5 / 0.5.
        AssertCredit(credits, "email", 0.4 + 0.5, (0.4 * 300) + (0.5 * 100));
        AssertCredit(credits, "paid_search", 0.2, 60);
        AssertCredit(credits, "direct", 0.4, 120);
        AssertCredit(credits, "organic_search", 0.5, 50);
    }

    [Fact]
    public void ByChannel_PositionBasedFourTouches_MiddleSharesTwentyPercent()
    {
        var journeys = new[] { Converted(1000, T(1, "a"), T(2, "b"), T(3, "c"), T(4, "d")) };

        var credits = HeuristicAttribution.ByChannel(journeys, HeuristicModel.PositionBased);

        AssertCredit(credits, "a", 0.4, 400);
        AssertCredit(credits, "b", 0.1, 100);
        AssertCredit(credits, "c", 0.1, 100);
        AssertCredit(credits, "d", 0.4, 400);
    }

    [Fact]
    public void ByChannel_TimeDecaySevenDayHalfLife_WeighsByPowersOfTwo()
    {
        // Ages at conversion (day 15): 14, 7, 0 days -> 2^-2, 2^-1, 2^0 = 1/4, 1/2, 1; sum 7/4.
        var journeys = new[] { ConvertedOn(15, 700, T(1, "a"), T(8, "b"), T(15, "c")) };

        var credits = HeuristicAttribution.ByChannel(journeys, HeuristicModel.TimeDecay);

        AssertCredit(credits, "a", 1.0 / 7, 100);
        AssertCredit(credits, "b", 2.0 / 7, 200);
        AssertCredit(credits, "c", 4.0 / 7, 400);
    }

    [Fact]
    public void ByChannel_TimeDecayFourteenDayHalfLife_UsesGivenHalfLife()
    {
        // Ages 14, 7, 0 days at half-life 14: 2^-1, 2^-0.5, 1; the conversion a week after the
        // last touch scales all three by 2^-0.5, which normalisation cancels.
        var journeys = new[] { ConvertedOn(22, 1, T(1, "a"), T(8, "b"), T(15, "c")) };
        var sum = 0.5 + (1 / Math.Sqrt(2)) + 1;

        var credits = HeuristicAttribution.ByChannel(journeys, HeuristicModel.TimeDecay, TimeSpan.FromDays(14));

        AssertCredit(credits, "a", 0.5 / sum, 0.5 / sum);
        AssertCredit(credits, "b", 1 / Math.Sqrt(2) / sum, 1 / Math.Sqrt(2) / sum);
        AssertCredit(credits, "c", 1 / sum, 1 / sum);
    }

    [Fact]
    public void ByCampaign_Linear_KeysByCampaignWithNoneForMissing()
    {
        var journeys = new[] { Converted(90, T(1, "email", "spring"), T(2, "direct"), T(3, "paid_search", "spring")) };

        var credits = HeuristicAttribution.ByCampaign(journeys, HeuristicModel.Linear);

        Assert.Equal(["(none)", "spring"], credits.Select(c => c.Channel));
        AssertCredit(credits, "spring", 2.0 / 3, 60);
        AssertCredit(credits, "(none)", 1.0 / 3, 30);
    }

    [Fact]
    public void ByChannel_OnlyOpenJourneys_CreditsNothing()
    {
        var credits = HeuristicAttribution.ByChannel([Open(T(1, "email"), T(2, "direct"))], HeuristicModel.Linear);

        Assert.Empty(credits);
    }

    [Theory]
    [MemberData(nameof(EveryHeuristicModel.All), MemberType = typeof(EveryHeuristicModel))]
    public void ByChannel_SingleTouchJourneys_CreditTheOneChannelFully(HeuristicModel model)
    {
        var journeys = new[] { ConvertedOn(9, 50, T(1, "email")), Converted(20, T(2, "direct", lead: true)), Converted(5, T(3, "email")) };

        var credits = HeuristicAttribution.ByChannel(journeys, model);

        AssertCredit(credits, "email", 2, 55);
        AssertCredit(credits, "direct", 1, 20);
    }

    internal static void AssertCredit(IReadOnlyList<ChannelCredit> credits, string channel, double conversions, double value)
    {
        var (c, v) = Credit(credits, channel);
        Assert.Equal(conversions, c, 1e-12);
        Assert.Equal(value, v, 1e-9);
    }
}
