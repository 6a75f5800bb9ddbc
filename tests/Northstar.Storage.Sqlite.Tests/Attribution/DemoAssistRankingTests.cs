using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Heuristics;
using Northstar.Core.Attribution.Markov;

namespace Northstar.Storage.Sqlite.Tests.Attribution;

/// <summary>
/// Issue 5's claim on the demo company's assists variant, where return visits and nurture clicks
/// cause MQLs with channel-specific chances and the ground truth states each channel's true
/// effect (the MQLs lost without it): Markov (orders 1 to 3, with nulls) and simplified Shapley
/// order every channel pair the sample can tell apart (<see cref="RankAgreement"/>) like the
/// truth, while first touch and touch counts do not.
/// </summary>
/// <remarks>
/// Journeys: the leads' journeys to MQL (those with a lead-creation touch; MQL is a lead's
/// conversion). Over all journeys, anonymous visitors who never filled in a form included (170,000
/// single-channel non-converting paths), first-order Markov cannot tell a first-touch state from a
/// return visit through the same channel and its removal effects follow visitor volume: display
/// and video are credited above events and partners (pinned below); orders 2 and 3 still agree
/// with the truth there at seeds 42 and 7 (seed 1: order 2 puts display 0.9 above partners).
/// Measured at seed 42: first touch inverts 6 pairs (email and organic social are mostly assists),
/// touch counts 3 (direct's runs of visits, qualify chance 0); on the leads' journeys seeds 1 and 7
/// give the same picture (no inversion by Markov or Shapley, 6-7 by first touch, 3 by touch counts). The agreement rests on the variant's parameters: the
/// data-driven models split a conversion over the channels on its path, so a channel that is only
/// ever a first touch (paid search, events) is credited well below its removal effect, and an
/// assist channel whose true effect is 60-75% of such a channel's can overtake it.
/// </remarks>
public sealed class DemoAssistRankingTests(DemoAssistJourneys demo) : IClassFixture<DemoAssistJourneys>
{
    public static TheoryData<int> Orders => new() { 1, 2, 3 };

    [Fact]
    public void SeparatedPairs_AssistsTruth_JudgeAssistAndFirstTouchChannelsAgainstEachOther()
    {
        var pairs = RankAgreement.SeparatedPairs(demo.TrueMqls);

        Assert.InRange(pairs.Count, 40, 66);
        Assert.Contains(("email", "direct"), pairs);
        Assert.Contains(("organic_social", "events"), pairs);
        Assert.Contains(("organic_search", "direct"), pairs);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void Markov_LeadMqls_OrdersEverySeparatedPairLikeTheTruth(int order)
    {
        var credits = ByChannel(MarkovAttribution.Compute(demo.LeadPaths, new MarkovOptions(order, IncludeNulls: true)).Credits);

        Assert.Empty(RankAgreement.Inversions(demo.TrueMqls, credits));
    }

    [Fact]
    public void Shapley_LeadMqls_OrdersEverySeparatedPairLikeTheTruth()
    {
        var credits = ByChannel(ShapleyAttribution.Simplified(demo.LeadPaths));

        Assert.Empty(RankAgreement.Inversions(demo.TrueMqls, credits));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Markov_AllMqlJourneys_OrdersEverySeparatedPairLikeTheTruth(int order)
    {
        var credits = ByChannel(MarkovAttribution.Compute(demo.Paths, new MarkovOptions(order, IncludeNulls: true)).Credits);

        Assert.Empty(RankAgreement.Inversions(demo.TrueMqls, credits));
    }

    [Fact]
    public void MarkovOrderOne_AllMqlJourneys_CreditsHighVolumeFirstTouchesAboveStrongerOnes()
    {
        // Why the claim tests read the leads' journeys (class remarks).
        var credits = ByChannel(MarkovAttribution.Compute(demo.Paths, new MarkovOptions(1, IncludeNulls: true)).Credits);

        var inversions = RankAgreement.Inversions(demo.TrueMqls, credits);

        Assert.Contains(inversions, i => i.StartsWith("events < display", StringComparison.Ordinal));
    }

    [Fact]
    public void FirstTouch_LeadMqls_InvertsAssistChannels()
    {
        // First touch computed here from the paths (each converting path's first channel gets its conversions).
        var credits = demo.LeadPaths.Where(p => p.Conversions > 0).GroupBy(p => p.Channels[0])
            .ToDictionary(g => g.Key, g => (double)g.Sum(p => p.Conversions), StringComparer.Ordinal);

        var inversions = RankAgreement.Inversions(demo.TrueMqls, credits);

        Assert.Contains(inversions, i => i.StartsWith("email < direct", StringComparison.Ordinal));
        Assert.Contains(inversions, i => i.StartsWith("organic_social < events", StringComparison.Ordinal));
    }

    [Fact]
    public void TouchCounts_LeadMqls_InvertRepeatedLowEffectChannels()
    {
        var touches = demo.Journeys.Journeys.Where(j => j.Converted).SelectMany(j => j.Touches)
            .GroupBy(t => t.Channel).ToDictionary(g => g.Key, g => (double)g.Count(), StringComparer.Ordinal);

        var inversions = RankAgreement.Inversions(demo.TrueMqls, touches);

        Assert.Contains(inversions, i => i.StartsWith("email < direct", StringComparison.Ordinal));
        Assert.Contains(inversions, i => i.StartsWith("organic_search < direct", StringComparison.Ordinal));
    }

    [Fact]
    public void TrueMqls_Events_AreItsExpectedLeadsTimesItsMqlRate()
    {
        // Events is never a return visit, so removing it only removes its own leads.
        var events = demo.Truth.Assists!.Effects.Single(e => e.Channel == "events");
        var leads = demo.Truth.Channels.Single(c => c.Channel == "events").ExpectedLeads;

        Assert.Equal(leads * events.MqlRate, demo.TrueMqls["events"], precision: 9);
        Assert.Equal(12, demo.TrueMqls.Count);
    }

    [Fact]
    public void LeadPaths_AssistsDemo_HoldEveryConvertedJourney()
    {
        var converted = demo.Journeys.Journeys.Count(j => j.Converted);

        Assert.Equal(converted, demo.LeadPaths.Sum(p => p.Conversions));
        Assert.InRange(converted, 1_700, 2_200);
    }

    private static Dictionary<string, double> ByChannel(IEnumerable<ChannelCredit> credits) =>
        credits.ToDictionary(c => c.Channel, c => c.Conversions, StringComparer.Ordinal);
}
