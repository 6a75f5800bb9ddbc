using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Heuristics;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Attribution.Heuristics;

public class ConservationTests
{
    private static readonly string[] Channels = ["direct", "email", "organic_search", "paid_search", "paid_social", "referral"];

    [Theory]
    [MemberData(nameof(EveryHeuristicModel.All), MemberType = typeof(EveryHeuristicModel))]
    public void ByChannelAndByCampaign_RandomJourneys_SumToConversionsAndValue(HeuristicModel model)
    {
        var journeys = RandomJourneys(seed: 5, count: 5000);
        var converted = journeys.Where(j => j.Converted).ToList();

        foreach (var credits in new[] { HeuristicAttribution.ByChannel(journeys, model), HeuristicAttribution.ByCampaign(journeys, model) })
        {
            AssertConserved(credits, converted.Count, converted.Sum(j => j.Value));
        }
    }

    [Fact]
    public void Simplified_RandomPaths_SumToConversionsAndValue()
    {
        var paths = PathTable.Aggregate(RandomJourneys(seed: 6, count: 5000));

        var credits = ShapleyAttribution.Simplified(paths);

        AssertConserved(credits, paths.Sum(p => p.Conversions), paths.Sum(p => p.Value));
    }

    [Fact]
    public void Ordered_RandomPaths_SumPerChannelToSimplified()
    {
        var paths = PathTable.Aggregate(RandomJourneys(seed: 7, count: 5000), collapseRepeats: true);

        var ordered = ShapleyAttribution.Ordered(paths);
        var simplified = ShapleyAttribution.Simplified(paths);

        foreach (var credit in simplified)
        {
            var positions = ordered.Where(o => o.Channel == credit.Channel).ToList();
            Assert.Equal(credit.Conversions, positions.Sum(p => p.Conversions), 1e-9);
            Assert.Equal(credit.Value, positions.Sum(p => p.Value), 1e-9 * Math.Max(1, credit.Value));
        }
    }

    private static void AssertConserved(IReadOnlyList<ChannelCredit> credits, double conversions, double value)
    {
        Assert.All(credits, c => Assert.True(c.Conversions >= 0 && c.Value >= 0, c.ToString()));
        Assert.Equal(conversions, credits.Sum(c => c.Conversions), 1e-9 * Math.Max(1, conversions));
        Assert.Equal(value, credits.Sum(c => c.Value), 1e-9 * Math.Max(1, value));
    }

    internal static List<Journey> RandomJourneys(int seed, int count)
    {
        var random = new Random(seed);
        var journeys = new List<Journey>(count);
        for (var j = 0; j < count; j++)
        {
            var n = random.Next(1, 9);
            var touches = new Touch[n];
            var at = BuilderTime.At(1).AddHours(random.Next(0, 24 * 200));
            for (var i = 0; i < n; i++)
            {
                at = at.AddHours(random.Next(0, 24 * 30));
                var campaign = random.Next(3) == 0 ? null : $"c{random.Next(5)}";
                touches[i] = new Touch(at, Channels[random.Next(Channels.Length)], campaign)
                {
                    LeadCreation = random.Next(4) == 0,
                    OpportunityCreation = random.Next(5) == 0,
                };
            }

            var convertedAt = random.Next(3) == 0 ? (DateTimeOffset?)null : at.AddHours(random.Next(0, 24 * 10));
            var value = convertedAt is null ? 0 : Math.Round(random.NextDouble() * 10_000, 2);
            journeys.Add(new Journey($"c{j}", touches, convertedAt, value));
        }

        return journeys;
    }
}
