using Northstar.Core.Channels;
using Northstar.Core.Facts;
using Northstar.Core.Simulation;

namespace Northstar.Core.Tests.Simulation;

public class GroundTruthJsonTests
{
    private static readonly SimulationOptions Shocked = new()
    {
        Seed = 9, Contacts = 50, Years = 1, AbTestLift = 0.1,
        StageShocks = [new StageShock(new DateOnly(2025, 6, 1), Stage.Sql, 0.5, "paid_search")],
        SpendShocks = [new SpendShock(new DateOnly(2025, 3, 1), "display", 2.0, new DateOnly(2025, 4, 1))],
    };

    [Fact]
    public void Deserialize_SerializedTruth_RoundTripsOptionsAndRates()
    {
        var truth = DemoCompany.Run(Shocked, new CollectingSink(_ => false)).Truth;

        var json = GroundTruthJson.Serialize(truth);
        var back = GroundTruthJson.Deserialize(json);

        Assert.Equal(json, GroundTruthJson.Serialize(back));
        Assert.Equal(Shocked.StageShocks, back.Options.StageShocks);
        Assert.Equal(Shocked.SpendShocks, back.Options.SpendShocks);
        Assert.Contains("\"stage_rates\"", json, StringComparison.Ordinal);
        Assert.Contains("\"stage\": \"sql\"", json, StringComparison.Ordinal);
        Assert.Equal(0.70, back.Channels.Single(c => c.Channel == "referral").StageRates["iql"], precision: 12);
    }

    [Fact]
    public void Truth_ChannelTouches_ClassifyAsTheirChannelWithTheCustomRules()
    {
        var truth = DemoCompany.Run(Shocked, new CollectingSink(_ => false)).Truth;
        var grouping = new ChannelGrouping(truth.CustomChannelRules);

        foreach (var channel in truth.Channels)
        {
            var campaign = channel.Campaigns.Count > 0 ? channel.Campaigns[0] : null;
            Assert.Equal(channel.Channel, grouping.Classify(channel.Source, channel.Medium, campaign));
        }
    }

    [Fact]
    public void Truth_CustomerRatePerVisitor_IsLeadRateTimesStageRates()
    {
        var truth = DemoCompany.Run(Shocked, new CollectingSink(_ => false)).Truth;
        var search = truth.Channels.Single(c => c.Channel == "organic_search");

        // 0.025 x 0.60 x 0.45 x 0.70 x 0.50 x 0.60 x 0.70 x 0.35, by hand: 0.000347287...
        Assert.Equal(0.025 * 0.0138915, search.CustomerRatePerVisitor, precision: 12);
        // Paid search mixes its own lead rate with the A/B page: 0.65 x 0.035 + 0.35 x (0.04 + 0.044) / 2.
        Assert.Equal(0.03745, truth.Channels.Single(c => c.Channel == "paid_search").EffectiveLeadRate, precision: 12);
    }
}
