using Northstar.Core.Simulation;

namespace Northstar.Core.Tests.Simulation;

/// <summary>
/// The assists variant's true channel effects: one channel worked by hand, one by a
/// spreadsheet-style enumeration written here (not the simulator's inclusion-exclusion).
/// </summary>
public sealed class AssistTruthTests
{
    private static readonly SimulationOptions Assists = new() { Seed = 3, Contacts = 200, Years = 1, AssistEffects = true };

    [Fact]
    public void Effects_Events_MatchHandWorkedValue()
    {
        var truth = DemoCompany.Run(Assists, new CollectingSink(_ => false)).Truth;

        var events = truth.Assists!.Effects.Single(e => e.Channel == "events");
        var leads = truth.Channels.Single(c => c.Channel == "events").ExpectedLeads;

        // Events is no return channel: its effect is its own leads' MQLs. A lead stays unqualified by
        // its touches with E = 0.368272032836 (pre-lead returns K = 0..4 with 1/2, 1/4, 1/8, 1/16, 1/16,
        // each of the 6^K channel sequences enumerated; window channel c untouched with exp(-rate_c),
        // rates 0.30, 0.25, 0.10, 0.10, 0.20 returns and 0.05 + 0.35 email clicks), so
        // 0.70 x (1 - (1 - 0.3 x 0.55) x E) = 0.484744996807; customers 0.75 x 0.60 x 0.65 x 0.70 x 0.35 of it.
        Assert.Equal(0.484744996807, events.MqlRate, precision: 12);
        Assert.Equal(leads * 0.484744996807, events.Mqls, precision: 9);
        Assert.Equal(events.Mqls, events.FirstTouchMqls, precision: 12);
        Assert.Equal(leads * 0.484744996807 * 0.0716625, events.Customers, precision: 9);
    }

    [Fact]
    public void Effects_OrganicSocial_AreItsLeadsPlusWhatEveryOtherChannelsLeadsLoseWithoutIt()
    {
        var truth = DemoCompany.Run(Assists, new CollectingSink(_ => false)).Truth;
        var model = truth.Assists!;

        var expected = 0.0;
        foreach (var channel in truth.Channels)
        {
            var abShare = AbShareOfLeads(truth, channel);
            var r1 = channel.StageRates["iql"];
            var miss = 1 - (model.BaseShare * channel.StageRates["mql"]);
            var with = r1 * (1 - (miss * Unqualified(model, abShare, removed: null)));
            var without = r1 * (1 - (miss * Unqualified(model, abShare, removed: "organic_social")));
            expected += channel.ExpectedLeads * (channel.Channel == "organic_social" ? with : with - without);
        }

        var effect = model.Effects.Single(e => e.Channel == "organic_social");
        Assert.Equal(expected, effect.Mqls, precision: 9);
        Assert.True(effect.Mqls > 3 * effect.FirstTouchMqls, "organic social's effect is mostly assists");
    }

    [Fact]
    public void Effects_Direct_AreOnlyItsFirstTouchMqls()
    {
        var truth = DemoCompany.Run(Assists, new CollectingSink(_ => false)).Truth;

        var direct = truth.Assists!.Effects.Single(e => e.Channel == "direct");

        // Direct's qualify chance is 0: without it the other leads lose nothing.
        Assert.Equal(0.0, truth.Assists.QualifyChance["direct"]);
        Assert.Equal(direct.FirstTouchMqls, direct.Mqls, precision: 9);
    }

    [Fact]
    public void Run_DefaultOptions_HasNoAssistTruth()
    {
        var truth = DemoCompany.Run(Assists with { AssistEffects = false }, new CollectingSink(_ => false)).Truth;

        var json = GroundTruthJson.Serialize(truth);

        Assert.Null(truth.Assists);
        Assert.DoesNotContain("assist", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_AssistsTruth_RoundTripsTheEffects()
    {
        var truth = DemoCompany.Run(Assists, new CollectingSink(_ => false)).Truth;

        var json = GroundTruthJson.Serialize(truth);
        var back = GroundTruthJson.Deserialize(json);

        Assert.Equal(json, GroundTruthJson.Serialize(back));
        Assert.True(back.Options.AssistEffects);
        Assert.Equal(truth.Assists!.Effects, back.Assists!.Effects);
        Assert.Contains("\"first_touch_mqls\"", json, StringComparison.Ordinal);
    }

    /// <summary>Share of the channel's leads from the A/B page (no pre-lead returns): 0.35 x the A/B rate / the channel's lead rate.</summary>
    private static double AbShareOfLeads(GroundTruth truth, ChannelTruth channel) =>
        truth.AbTest.Channels.Contains(channel.Channel)
            ? truth.AbTest.Share * (truth.AbTest.RateA + truth.AbTest.RateB) / 2 / channel.EffectiveLeadRate
            : 0;

    /// <summary>E[product over the distinct channels touched of (1 - chance)], by enumerating the pre-lead return sequences.</summary>
    private static double Unqualified(AssistTruth model, double abShare, string? removed)
    {
        var channels = model.ReturnMix.Keys.ToArray();
        double Chance(string c) => c == removed ? 0 : model.QualifyChance.GetValueOrDefault(c);
        double Rate(string c) => (model.ReturnsPerLead * model.WindowMix[c]) + (c == "email" ? model.NurtureClicksPerLead : 0);
        double Window(ISet<string> seen) => channels.Aggregate(1.0, (p, c) => p * (seen.Contains(c)
            ? 1 - Chance(c)
            : Math.Exp(-Rate(c)) + ((1 - Math.Exp(-Rate(c))) * (1 - Chance(c)))));

        var converting = 0.0;
        for (var k = 0; k <= 4; k++)
        {
            var pk = k < 4 ? Math.Pow(0.5, k + 1) : Math.Pow(0.5, 4);
            foreach (var sequence in Sequences(channels, k))
            {
                var p = sequence.Aggregate(pk, (acc, c) => acc * model.ReturnMix[c]);
                converting += p * Window(sequence.ToHashSet());
            }
        }

        return (abShare * Window(new HashSet<string>())) + ((1 - abShare) * converting);
    }

    private static IEnumerable<string[]> Sequences(string[] channels, int length) =>
        length == 0 ? [[]] : Sequences(channels, length - 1).SelectMany(s => channels.Select(c => (string[])[.. s, c]));
}
