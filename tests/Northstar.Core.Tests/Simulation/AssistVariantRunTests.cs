using Northstar.Core.Facts;
using Northstar.Core.Simulation;

namespace Northstar.Core.Tests.Simulation;

/// <summary>The assists variant writes what its ground truth says: measured MQL rates per first-touch channel.</summary>
public sealed class AssistVariantRunTests
{
    [Fact]
    public void Run_AssistsVariant_MqlRatePerFirstTouchChannelMatchesTruth()
    {
        var sink = new CollectingSink(_ => false);
        var truth = DemoCompany.Run(new SimulationOptions { Seed = 5, Contacts = 6_000, Years = 2, AssistEffects = true }, sink).Truth;
        var cutoff = new DateTimeOffset(truth.End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-60);

        var mqls = sink.Stages.Where(s => s.Stage == Stage.Mql).Select(s => s.ContactId).ToHashSet();
        var failures = new List<string>();
        foreach (var effect in truth.Assists!.Effects)
        {
            var contacts = sink.Contacts.Where(c => c.Channel == effect.Channel && c.CreatedAt < cutoff).ToList();
            var qualified = contacts.Count(c => mqls.Contains(c.ContactId));
            if (!FunnelCounts.WithinStandardErrors(qualified, contacts.Count, effect.MqlRate, 4))
            {
                failures.Add($"{effect.Channel}: {qualified}/{contacts.Count} vs {effect.MqlRate:F4}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Run_AssistsVariant_MqlRateIsAboveTheBaseAloneAndBelowOne()
    {
        var truth = DemoCompany.Run(new SimulationOptions { Seed = 5, Contacts = 100, Years = 1, AssistEffects = true }, new CollectingSink(_ => false)).Truth;

        foreach (var effect in truth.Assists!.Effects)
        {
            var rates = truth.Channels.Single(c => c.Channel == effect.Channel).StageRates;
            Assert.InRange(effect.MqlRate, rates["iql"] * truth.Assists.BaseShare * rates["mql"], rates["iql"]);
        }
    }
}
