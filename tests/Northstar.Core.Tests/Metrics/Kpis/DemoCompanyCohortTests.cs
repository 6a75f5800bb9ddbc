using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Simulation;
using Xunit.Abstractions;

namespace Northstar.Core.Tests.Metrics.Kpis;

/// <summary>The engine's funnel KPIs over a simulated company agree with the rates the simulator drew from.</summary>
public class DemoCompanyCohortTests(DemoCompanyWorld demo, ITestOutputHelper output) : IClassFixture<DemoCompanyWorld>
{
    private const double StandardErrors = 3;

    private static readonly Stage[] Funnel =
        [Stage.Lead, Stage.Iql, Stage.Mql, Stage.Sal, Stage.Sql, Stage.Opportunity, Stage.Proposal, Stage.Customer];

    [Fact]
    public void CohortRates_DemoCompany_MatchGroundTruthPooledOverChannels()
    {
        var truth = demo.Truth;

        // Cohorts entering the from-stage early enough that the whole funnel walk fits in the run and the window.
        var cohort = new DateRange(truth.Start, truth.End.AddDays(-truth.MaxFunnelDays));
        var engine = demo.World.Engine(new MetricOptions { CohortWindowDays = truth.MaxFunnelDays });
        var failures = new List<string>();
        foreach (var (from, to) in new[]
        {
            (Stage.Lead, Stage.Mql), (Stage.Mql, Stage.Sal), (Stage.Mql, Stage.Sql), (Stage.Sal, Stage.Sql), (Stage.Sql, Stage.Opportunity),
            (Stage.Opportunity, Stage.Proposal), (Stage.Proposal, Stage.Customer), (Stage.Lead, Stage.Customer),
        })
        {
            var (converted, expected, sd) = Pooled(engine, truth, cohort, from, to);
            output.WriteLine($"{from}->{to}: {converted:F0} converted, {expected:F1} expected, sd {sd:F1}");
            if (Math.Abs(converted - expected) > StandardErrors * sd)
            {
                failures.Add($"{from}->{to}: {converted:F0} vs {expected:F1} +- {sd:F1}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void SlaCompliance_DemoCompany_MatchesGroundTruth()
    {
        var truth = demo.Truth;
        var mqlPeriod = new DateRange(truth.Start, truth.End.AddDays(-10)); // every MQL of it has been worked by the end
        var engine = demo.World.Engine(new MetricOptions { SalesSla = TimeSpan.FromHours(truth.SlaHours) });

        var rate = engine.Run(new MetricQuery("sla_compliance", mqlPeriod)).Rows.Single().Total!.Value;
        var n = engine.Run(new MetricQuery("mqls", mqlPeriod)).Rows.Single().Total!.Value;

        var p = truth.SlaCompliance;
        output.WriteLine($"SLA: {rate:F4} of {n} MQLs, truth {p}");
        Assert.True(Math.Abs(rate - p) <= StandardErrors * Math.Sqrt(p * (1 - p) / n), $"{rate:F4} of {n} MQLs vs {p}");
    }

    [Fact]
    public void LandingPageConversionRate_DemoAbTest_EachVariantMatchesItsTrueRate()
    {
        var ab = demo.Truth.AbTest;
        var whole = new DateRange(demo.Truth.Start, demo.Truth.End);
        var onPage = new Filter(Dimensions.LandingPage, [ab.LandingPage]);
        var engine = demo.World.Engine();

        var rates = engine.Run(new MetricQuery("landing_page_conversion_rate", whole) { By = Dimensions.Variant, Filters = [onPage] })
            .Rows.ToDictionary(r => r.Group, r => r.Total!.Value);
        var sessions = engine.Run(new MetricQuery("landing_page_views", whole) { By = Dimensions.Variant, Filters = [onPage] })
            .Rows.ToDictionary(r => r.Group, r => r.Total!.Value);

        foreach (var (variant, p) in new[] { ("A", ab.RateA), ("B", ab.RateB) })
        {
            var n = sessions[variant];
            output.WriteLine($"{variant}: {rates[variant]:F4} of {n} sessions, truth {p}");
            Assert.True(Math.Abs(rates[variant] - p) <= StandardErrors * Math.Sqrt(p * (1 - p) / n), $"{variant}: {rates[variant]:F4} of {n} vs {p}");
        }
    }

    /// <summary>
    /// Contacts converted (each channel's cohort rate x its cohort size, both from the engine), and the
    /// count expected under the true rates with its binomial standard deviation, summed over channels.
    /// </summary>
    private static (double Converted, double Expected, double Sd) Pooled(MetricsEngine engine, GroundTruth truth, DateRange cohort, Stage from, Stage to)
    {
        var name = $"{SnakeCaseNames<Stage>.Name(from)}_to_{SnakeCaseNames<Stage>.Name(to)}_cohort_rate";
        var rates = engine.Run(new MetricQuery(name, cohort) { By = Dimensions.Channel }).Rows.ToDictionary(r => r.Group, r => r.Total);
        var sizes = engine.Run(new MetricQuery(StageCountKpi(from), cohort) { By = Dimensions.Channel }).Rows.ToDictionary(r => r.Group, r => r.Total ?? 0);
        Assert.DoesNotContain(Dimensions.None, sizes.Keys); // every demo contact has a channel
        double converted = 0, expected = 0, variance = 0;
        foreach (var channel in truth.Channels)
        {
            var n = sizes.GetValueOrDefault(channel.Channel);
            if (n == 0)
            {
                continue;
            }

            // The walk is a chain: reaching `to` from `from` means passing every step between them.
            var p = 1.0;
            for (var i = Array.IndexOf(Funnel, from); i < Array.IndexOf(Funnel, to); i++)
            {
                p *= channel.StageRates[SnakeCaseNames<Stage>.Name(Funnel[i + 1])];
            }

            converted += Math.Round(rates[channel.Channel]!.Value * n);
            expected += n * p;
            variance += n * p * (1 - p);
        }

        return (converted, expected, Math.Sqrt(variance));
    }

    private static string StageCountKpi(Stage stage) => stage == Stage.Opportunity ? "opportunities" : SnakeCaseNames<Stage>.Name(stage) + "s";
}
