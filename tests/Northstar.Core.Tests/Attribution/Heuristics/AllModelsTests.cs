using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Heuristics;
using static Northstar.Core.Tests.Attribution.Heuristics.Journeys;

namespace Northstar.Core.Tests.Attribution.Heuristics;

public class AllModelsTests
{
    [Fact]
    public void AllByChannel_RandomJourneys_EachModelMatchesTheTouchWeightsSumToTheDigit()
    {
        // Arrange: the reference adds TouchWeights.For's shares per channel, journey by journey.
        var journeys = ConservationTests.RandomJourneys(seed: 21, count: 3000);

        // Act
        var all = HeuristicAttribution.AllByChannel(journeys);

        // Assert
        Assert.Equal(Enum.GetValues<HeuristicModel>(), all.ByModel.Keys.Order());
        foreach (var model in Enum.GetValues<HeuristicModel>())
        {
            var reference = new SortedDictionary<string, (double Conversions, double Value)>(StringComparer.Ordinal);
            foreach (var journey in journeys.Where(j => j.Converted))
            {
                var weights = TouchWeights.For(journey, model, TouchWeights.DefaultHalfLife);
                for (var i = 0; i < weights.Length; i++)
                {
                    if (weights[i] != 0)
                    {
                        var sum = reference.GetValueOrDefault(journey.Touches[i].Channel);
                        reference[journey.Touches[i].Channel] = (sum.Conversions + weights[i], sum.Value + (weights[i] * journey.Value));
                    }
                }
            }

            Assert.Equal(reference.Select(r => new ChannelCredit(r.Key, r.Value.Conversions, r.Value.Value)), all.ByModel[model]);
            Assert.Equal(HeuristicAttribution.ByChannel(journeys, model), all.ByModel[model]);
        }
    }

    [Fact]
    public void AllByCampaign_RandomJourneys_SameAsByCampaignPerModel()
    {
        var journeys = ConservationTests.RandomJourneys(seed: 22, count: 2000);

        var all = HeuristicAttribution.AllByCampaign(journeys, TimeSpan.FromDays(3));

        foreach (var model in Enum.GetValues<HeuristicModel>())
        {
            Assert.Equal(HeuristicAttribution.ByCampaign(journeys, model, TimeSpan.FromDays(3)), all.ByModel[model]);
        }
    }

    // Many keys (more than any starting capacity), one model at a time and all at once.
    [Fact]
    public void ByChannelAndAllByChannel_FortyChannels_AgreeAndConserve()
    {
        // Arrange
        var random = new Random(25);
        var journeys = Enumerable.Range(0, 3000).Select(j => new Journey(
            "c" + j, [.. Enumerable.Range(0, random.Next(1, 6)).Select(i => T(1 + i, "ch" + random.Next(40)))], random.Next(3) == 0 ? null : BuilderTime(9), 10 + j)).ToList();
        var converted = journeys.Where(j => j.Converted).ToList();

        // Act
        var all = HeuristicAttribution.AllByChannel(journeys);

        // Assert
        foreach (var model in Enum.GetValues<HeuristicModel>())
        {
            var single = HeuristicAttribution.ByChannel(journeys, model);
            Assert.Equal(single, all.ByModel[model]);
            Assert.Equal(converted.Count, single.Sum(c => c.Conversions), 1e-9);
            Assert.Equal(converted.Sum(j => j.Value), single.Sum(c => c.Value), 1e-6);
        }

        Assert.Equal(40, all.Shapley.Count);
        Assert.Equal(converted.Sum(j => j.Value), all.Shapley.Sum(c => c.Value), 1e-6);
    }

    private static DateTimeOffset BuilderTime(int day) => Northstar.Testing.Builders.BuilderTime.At(day);

    [Fact]
    public void AllByChannel_Shapley_SameAsSimplifiedShapleyOnTheJourneysPaths()
    {
        var journeys = ConservationTests.RandomJourneys(seed: 23, count: 3000);

        var shapley = HeuristicAttribution.AllByChannel(journeys).Shapley;

        var reference = ShapleyAttribution.Simplified(PathTable.Aggregate(journeys));
        Assert.Equal(reference.Select(c => c.Channel), shapley.Select(c => c.Channel));
        for (var i = 0; i < reference.Count; i++)
        {
            Assert.Equal(reference[i].Conversions, shapley[i].Conversions, 1e-9);
            Assert.Equal(reference[i].Value, shapley[i].Value, 1e-9 * reference[i].Value);
        }
    }

    [Fact]
    public void AllByChannel_TwoJourneys_ShapleySplitsOverDistinctChannelsByHand()
    {
        Journey[] journeys =
        [
            Converted(90, T(1, "email"), T(2, "direct"), T(3, "email")),
            Converted(40, T(1, "paid_search")),
            Open(T(1, "referral")),
        ];

        var shapley = HeuristicAttribution.AllByChannel(journeys).Shapley;

        // Journey 1: two distinct channels, 1/2 and 45 each; journey 2: all to paid_search; the open one nothing.
        Assert.Equal([new("direct", 0.5, 45), new("email", 0.5, 45), new ChannelCredit("paid_search", 1, 40)], shapley);
    }

    [Fact]
    public void AllByPaths_RandomPathTable_SameAsPathWeightsSumAndSimplifiedToTheDigit()
    {
        // Arrange
        var random = new Random(24);
        var names = new[] { "direct", "email", "organic_search", "paid_search", "Direct" };
        var paths = Enumerable.Range(0, 2000).Select(_ => new ChannelPath(
            [.. Enumerable.Range(0, random.Next(1, 7)).Select(_ => names[random.Next(names.Length)])],
            random.Next(0, 3), Math.Round(random.NextDouble() * 500, 2), random.Next(0, 3))).ToList();

        // Act
        var all = HeuristicAttribution.AllByPaths(PathTableColumns.From(paths));

        // Assert
        Assert.Equal(5, all.ByModel.Count);
        foreach (var (model, credits) in all.ByModel)
        {
            Assert.True(TouchWeights.RunsOnPaths(model));
            var reference = new SortedDictionary<string, (double Conversions, double Value)>(StringComparer.Ordinal);
            foreach (var path in paths.Where(p => p.Conversions != 0 || p.Value != 0))
            {
                var weights = TouchWeights.ForPath(path.Channels, model);
                for (var i = 0; i < weights.Length; i++)
                {
                    if (weights[i] != 0)
                    {
                        var sum = reference.GetValueOrDefault(path.Channels[i]);
                        reference[path.Channels[i]] = (sum.Conversions + (weights[i] * path.Conversions), sum.Value + (weights[i] * path.Value));
                    }
                }
            }

            Assert.Equal(reference.Select(r => new ChannelCredit(r.Key, r.Value.Conversions, r.Value.Value)), credits);
            Assert.Equal(HeuristicAttribution.ByPaths(paths, model), credits);
        }

        Assert.Equal(ShapleyAttribution.Simplified(paths), all.Shapley);
    }

    [Fact]
    public void AllByPaths_HandExample_PositionAndShapleyByHand()
    {
        ChannelPath[] paths = [new(["email", "paid_search", "direct"], 2, 600, 1), new(["organic_search", "email"], 1, 100, 0), new(["paid_social"], 0, 0, 9)];

        var all = HeuristicAttribution.AllByPaths(PathTableColumns.From(paths));

        // Position: path 1 gives 40/20/40 % of 2 and 600; path 2 is two touches, 50/50 of 1 and 100.
        Assert.Equal(
            [new("direct", 0.8, 240), new("email", 0.8 + 0.5, 240 + 50), new("organic_search", 0.5, 50), new ChannelCredit("paid_search", 0.4, 120)],
            all.ByModel[HeuristicModel.PositionBased].Select(c => c with { Conversions = Math.Round(c.Conversions, 12), Value = Math.Round(c.Value, 9) }));
        Assert.Equal(
            [new("direct", 2.0 / 3, 200), new("email", (2.0 / 3) + 0.5, 250), new("organic_search", 0.5, 50), new ChannelCredit("paid_search", 2.0 / 3, 200)],
            all.Shapley);
    }
}
