using Northstar.Core.Facts;
using Northstar.Core.Simulation;

namespace Northstar.Core.Tests.Simulation;

public class StageShockTests
{
    [Fact]
    public void Run_MqlShockFromMidYear_HalvesIqlToMqlRateAfterwardsOnly()
    {
        var shockFrom = new DateOnly(2025, 7, 1);
        var options = new SimulationOptions
        {
            Seed = 5, Contacts = 4_000, Years = 1, StageShocks = [new StageShock(shockFrom, Stage.Mql, 0.5)],
        };
        var sink = new CollectingSink(_ => false);

        var result = DemoCompany.Run(options, sink);

        var rates = result.Truth.Channels.ToDictionary(c => c.Channel, c => c.StageRates["mql"]);
        var channelOf = sink.Contacts.ToDictionary(c => c.ContactId, c => c.Channel!);
        var highest = sink.Stages.Where(s => s.Stage != Stage.Churned).GroupBy(s => s.ContactId)
            .ToDictionary(g => g.Key, g => g.Max(s => s.Stage));
        var (before, after) = (new Tally(), new Tally());
        foreach (var lead in sink.Stages.Where(s => s.Stage == Stage.Lead && highest[s.ContactId] >= Stage.Iql))
        {
            // The move to MQL is decided on entering IQL, at most 3 days x 1.6 (slowest segment) after the lead:
            // leads more than 5 days before the shock are unaffected, leads after it all are.
            var day = DateOnly.FromDateTime(lead.EnteredAt.UtcDateTime);
            var reachedMql = highest[lead.ContactId] >= Stage.Mql;
            var p = rates[channelOf[lead.ContactId]];
            if (day < shockFrom.AddDays(-5))
            {
                before.Add(reachedMql, p);
            }
            else if (day >= shockFrom && day < new DateOnly(2025, 12, 1))
            {
                after.Add(reachedMql, p * 0.5);
            }
        }

        Assert.True(before.Fits(4), before.ToString());
        Assert.True(after.Fits(4), after.ToString());
        Assert.True(after.Converted / after.Count < 0.7 * before.Converted / before.Count);
    }

    private sealed class Tally
    {
        public double Count { get; private set; }
        public double Converted { get; private set; }
        private double _expected;
        private double _variance;

        public void Add(bool converted, double p)
        {
            Count++;
            Converted += converted ? 1 : 0;
            _expected += p;
            _variance += p * (1 - p);
        }

        public bool Fits(double standardErrors) => Count > 100 && Math.Abs(Converted - _expected) <= standardErrors * Math.Sqrt(_variance);

        public override string ToString() => $"{Converted}/{Count}, expected {_expected:F1}";
    }
}
