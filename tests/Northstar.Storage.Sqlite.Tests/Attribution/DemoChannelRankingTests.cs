using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Heuristics;
using Northstar.Core.Attribution.Markov;

namespace Northstar.Storage.Sqlite.Tests.Attribution;

/// <summary>
/// Issue 5: "on the demo company, the data-driven models (Markov, Shapley) rank channels in the
/// order of the simulator's true channel effects", judged on MQL journeys from a SQLite demo
/// store, pair by pair where the sample can tell the channels apart (<see cref="RankAgreement"/>).
/// </summary>
/// <remarks>
/// The claim does not hold on this simulator, and the tests say so instead of loosening the
/// check. Only the first touch causes anything (GroundTruth: "return visits and emails are
/// assists with no causal effect"), yet every contact's journey carries return visits drawn from
/// one fixed mix (direct 35%, organic search 30%, paid social, referral and organic social 10%
/// each, email 5%) and nurture email clicks. Removal effects and Shapley shares credit a channel
/// for being on converting paths, so those six channels gain credit they did not cause and the
/// channels that are never a return visit (paid search, events, partners, affiliates, video,
/// display) lose it. Seed 42 (orders 1 to 3, with and without nulls alike): organic_social, 29
/// true MQLs, is credited 103-110 by Markov and 77 by Shapley, above events (115 true, credited
/// 39-54 / 66) and partners (94 true, 31-42 / 52); Markov also puts paid search (290 true,
/// credited 118-149) below email and referral (148 and 142 true, credited 150-165). Seeds 1, 2,
/// 3 and 7 fail the same two organic_social pairs; so does the customer goal at 50,000 contacts
/// (705 conversions, journeys cut the same way outside the store): organic_social 6 true
/// customers, credited 59-62; events 82 true, credited 20-31.
/// The claim itself (the data-driven models order every separated pair like the truth) is
/// tested on the assists variant, where assists are causal: <see cref="DemoAssistRankingTests"/>.
/// </remarks>
public sealed class DemoChannelRankingTests(DemoMqlJourneys demo) : IClassFixture<DemoMqlJourneys>
{
    public static TheoryData<int, bool> MarkovModels => new()
    {
        { 1, true }, { 2, true }, { 3, true }, { 1, false }, { 2, false }, { 3, false },
    };

    [Fact]
    public void TrueMqls_DemoCompany_AreFirstTouchLeadsTimesTheChannelsMqlRates()
    {
        // DemoChannels by hand: events 0.70 x 0.55, partners 0.75 x 0.60, organic_social 0.50 x 0.35.
        var leads = demo.Truth.Channels.ToDictionary(c => c.Channel, c => c.ExpectedLeads);

        Assert.Equal(leads["events"] * 0.385, demo.TrueMqls["events"], precision: 9);
        Assert.Equal(leads["partners"] * 0.45, demo.TrueMqls["partners"], precision: 9);
        Assert.Equal(leads["organic_social"] * 0.175, demo.TrueMqls["organic_social"], precision: 9);
        Assert.Equal(12, demo.TrueMqls.Count);
    }

    [Fact]
    public void SeparatedPairs_DemoTruth_JudgeMostPairsAndTheReturnVisitCases()
    {
        var pairs = RankAgreement.SeparatedPairs(demo.TrueMqls);

        // 66 pairs of twelve channels; the close ones (organic vs paid search, 292 vs 290) are not judged.
        Assert.InRange(pairs.Count, 40, 66);
        Assert.Contains(("events", "organic_social"), pairs);
        Assert.Contains(("partners", "organic_social"), pairs);
        Assert.DoesNotContain(("organic_search", "paid_search"), pairs);
    }

    [Fact]
    public void FirstTouch_DemoMqls_OrdersEverySeparatedPairLikeTheTruth()
    {
        // The simulator's own causal model: the journeys from the store carry the truth, and the check passes a model that reads it.
        var credits = ByChannel(HeuristicAttribution.ByPaths(demo.Paths, HeuristicModel.FirstTouch));

        var inversions = RankAgreement.Inversions(demo.TrueMqls, credits);

        Assert.Empty(inversions);
        Assert.Equal(demo.Journeys.Journeys.Count(j => j.Converted), credits.Values.Sum(), precision: 6);
    }

    [Fact]
    public void TouchCounts_DemoMqls_InvertSeparatedPairs()
    {
        var touches = demo.Journeys.Journeys.Where(j => j.Converted).SelectMany(j => j.Touches)
            .GroupBy(t => t.Channel).ToDictionary(g => g.Key, g => (double)g.Count());

        var inversions = RankAgreement.Inversions(demo.TrueMqls, touches);

        Assert.Contains(inversions, i => i.StartsWith("events < organic_social", StringComparison.Ordinal));
    }

    [Fact]
    public void RandomCredits_DemoMqls_InvertSeparatedPairs()
    {
        var random = new Random(5);
        var channels = demo.TrueMqls.Keys.ToArray();

        for (var draw = 0; draw < 20; draw++)
        {
            var credits = channels.ToDictionary(c => c, _ => random.NextDouble());
            Assert.NotEmpty(RankAgreement.Inversions(demo.TrueMqls, credits));
        }
    }

    [Theory]
    [MemberData(nameof(MarkovModels))]
    public void Markov_DemoMqls_CreditsReturnVisitChannelAboveStrongerFirstTouchChannels(int order, bool includeNulls)
    {
        // Why the claim fails on the default demo (class remarks); DemoAssistRankingTests holds it on the assists variant.
        var credits = ByChannel(MarkovAttribution.Compute(demo.Paths, new MarkovOptions(order, IncludeNulls: includeNulls)).Credits);

        var inversions = RankAgreement.Inversions(demo.TrueMqls, credits);

        Assert.Contains(inversions, i => i.StartsWith("events < organic_social", StringComparison.Ordinal));
        Assert.Contains(inversions, i => i.StartsWith("partners < organic_social", StringComparison.Ordinal));
    }

    [Fact]
    public void Shapley_DemoMqls_CreditsReturnVisitChannelAboveStrongerFirstTouchChannels()
    {
        var credits = ByChannel(ShapleyAttribution.Simplified(demo.Paths));

        var inversions = RankAgreement.Inversions(demo.TrueMqls, credits);

        Assert.Equal(2, inversions.Count);
        Assert.StartsWith("events < organic_social", inversions[0], StringComparison.Ordinal);
        Assert.StartsWith("partners < organic_social", inversions[1], StringComparison.Ordinal);
    }

    private static Dictionary<string, double> ByChannel(IEnumerable<ChannelCredit> credits) =>
        credits.ToDictionary(c => c.Channel, c => c.Conversions, StringComparer.Ordinal);
}
