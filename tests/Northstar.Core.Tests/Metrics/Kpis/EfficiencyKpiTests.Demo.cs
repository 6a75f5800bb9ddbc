using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Simulation;
using Northstar.Core.Storage;

namespace Northstar.Core.Tests.Metrics.Kpis;

/// <summary>CAC by channel on the demo company against the simulator's ground truth.</summary>
public partial class EfficiencyKpiTests
{
    /// <summary>Days after the first touch within which a demo visitor converts, if ever (at most four visits 10 days apart).</summary>
    private const int ConversionDays = 45;

    [Fact]
    public void Cac_DemoCompanyByChannel_MatchesGroundTruthWithinPoissonThreeSigma()
    {
        using var world = new KpiWorld();
        var truth = SimulateWholeWalks(world);
        var run = new DateRange(truth.Start, truth.End);

        var engine = world.Engine();
        var result = engine.Run(new MetricQuery("cac", run) { By = Dimensions.Channel });
        var cac = result.Rows.ToDictionary(r => r.Group, r => r.Total);
        var spend = engine.Run(new MetricQuery("spend", run) { By = Dimensions.Channel }).Rows.ToDictionary(r => r.Group, r => r.Total);

        var checkedChannels = 0;
        foreach (var channel in truth.Channels)
        {
            // Spend rows are the plan rounded to cents (direct has none): equal to the truth's total within a few cents a day.
            Assert.Equal(channel.TotalSpend, spend.GetValueOrDefault(channel.Channel) ?? 0, 25.0);
            var expectedCustomers = channel.ExpectedVisitors * channel.CustomerRatePerVisitor;
            if (expectedCustomers < 10)
            {
                continue;
            }

            // Customers ~ Poisson(expected): CAC = spend / customers lies between spend / (n + 3 sqrt n) and spend / (n - 3 sqrt n).
            var sigma = Math.Sqrt(expectedCustomers);
            var low = channel.TotalSpend / (expectedCustomers + (3 * sigma));
            var high = channel.TotalSpend / (expectedCustomers - (3 * sigma));
            var measured = cac[channel.Channel]!.Value;
            Assert.True(measured >= low && measured <= high,
                $"{channel.Channel}: CAC {measured:F0}, truth {channel.TotalSpend / expectedCustomers:F0} ({expectedCustomers:F1} customers), 3 sigma [{low:F0}, {high:F0}]");
            checkedChannels++;
        }

        var allSpend = truth.Channels.Sum(c => c.TotalSpend);
        var allCustomers = truth.Channels.Sum(c => c.ExpectedVisitors * c.CustomerRatePerVisitor);
        var overall = result.Overall!.Total!.Value;
        Assert.True(overall >= allSpend / (allCustomers + (3 * Math.Sqrt(allCustomers))) && overall <= allSpend / (allCustomers - (3 * Math.Sqrt(allCustomers))),
            $"overall CAC {overall:F0}, truth {allSpend / allCustomers:F0} ({allCustomers:F1} customers)");
        Assert.True(checkedChannels >= 8, $"only {checkedChannels} channels had 10 or more customers expected");
    }

    /// <summary>
    /// Simulates 30,000 contacts into the world and returns the ground truth. Two runs of the same
    /// seed: the first finds which anonymous ids get linked to contacts. Traffic and spend stop early
    /// enough that every walk from first visit to customer ends inside the run, so the customers the
    /// engine counts are every customer the spend bought, not a cut.
    /// </summary>
    private static GroundTruth SimulateWholeWalks(KpiWorld world)
    {
        var start = new DateOnly(2025, 1, 1);
        var stop = start.AddYears(2).AddDays(-CompanyModel.MaxFunnelDays - ConversionDays);
        var options = new SimulationOptions
        {
            Seed = 11, Contacts = 30_000, Years = 2, Start = start,
            TrafficShocks = [new TrafficShock(stop, 0)],
            SpendShocks = [.. DemoChannels.All.Select(c => new SpendShock(stop, c.Id, 0))],
        };
        using var findLinks = new FirstTouchSink(null, null);
        DemoCompany.Run(options, findLinks);
        using var sink = new FirstTouchSink(new StoreFactSink(world.Store, world.Workspace), findLinks.Linked);
        return DemoCompany.Run(options, sink).Truth;
    }

    /// <summary>
    /// Passes every fact but events on; of the events, keeps what a contact's first touch depends on
    /// (the earliest touch of each contact id and of each anonymous id in <paramref name="linked"/>,
    /// and the earliest event linking each anonymous id to a contact), so the store stays small and
    /// the views still resolve identities. Without <paramref name="linked"/> it only collects <see cref="Linked"/>.
    /// </summary>
    private sealed class FirstTouchSink(IFactSink? inner, IReadOnlySet<string>? linked) : IFactSink
    {
        private readonly Dictionary<string, EventFact> _kept = new(StringComparer.Ordinal);

        /// <summary>Anonymous ids seen on an event with a contact id.</summary>
        public HashSet<string> Linked { get; } = new(StringComparer.Ordinal);

        public void Add<TFact>(TFact fact)
            where TFact : class, IFact
        {
            if (fact is not EventFact e)
            {
                inner?.Add(fact);
                return;
            }

            if (e.AnonymousId is { } link && e.ContactId is not null)
            {
                Linked.Add(link);
                KeepEarliest("link:" + link, e);
            }

            if (linked is not null && Touchpoints.IsTouch(e))
            {
                if (e.ContactId is { } contact)
                {
                    KeepEarliest("contact:" + contact, e);
                }

                if (e.AnonymousId is { } anonymous && linked.Contains(anonymous))
                {
                    KeepEarliest("anonymous:" + anonymous, e);
                }
            }
        }

        public void Complete()
        {
            if (inner is null)
            {
                return;
            }

            foreach (var e in _kept.Values.DistinctBy(e => e.Id))
            {
                inner.Add(e);
            }

            inner.Complete();
        }

        public void Dispose() => inner?.Dispose();

        private void KeepEarliest(string key, EventFact e)
        {
            if (!_kept.TryGetValue(key, out var kept) || Touchpoints.Earlier(e.Timestamp, e.Id, kept.Timestamp, kept.Id))
            {
                _kept[key] = e;
            }
        }
    }
}
