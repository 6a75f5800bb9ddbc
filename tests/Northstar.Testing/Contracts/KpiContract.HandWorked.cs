using Northstar.Core.Metrics;
using Xunit;

namespace Northstar.Testing.Contracts;

/// <summary>KPIs of <see cref="KpiFixture"/> worked out by hand (see the fixture's comments), on the backend and on the reference.</summary>
public abstract partial class KpiContract
{
    [Fact]
    public void Sessions_HandFixture_ThreeInJanuaryTwoInFebruaryByChannel()
    {
        var engines = HandEngines();

        AssertMonths(engines, "sessions", 3, 2, 0);
        AssertByChannel(engines, "sessions", ("email", 1), ("organic", 2), ("paid_search", 2));
    }

    [Fact]
    public void LeadsAndMqls_HandFixture_CountContactsEnteringTheStage()
    {
        var engines = HandEngines();

        AssertMonths(engines, "leads", 2, 2, 1);
        AssertMonths(engines, "mqls", 1, 2, 0);
        AssertMonths(engines, "customers", 0, 1, 0);
    }

    [Fact]
    public void SpendAndNewRevenue_HandFixture_SumByDate()
    {
        var engines = HandEngines();

        AssertMonths(engines, "spend", 1_200, 1_800, 0);
        AssertMonths(engines, "revenue_new", 0, 12_000, 0); // March's 3,000 is an expansion
    }

    [Fact]
    public void Cac_HandFixture_AcquisitionSpendPerNewCustomer()
    {
        var engines = HandEngines();

        var (january, february) = (Month(engines.Backend, "cac", 1), Month(engines.Backend, "cac", 2));

        Assert.Null(january); // no customer in January
        Assert.Equal(1_500, february); // 1,500 media; the 300 of service is not acquisition spend
        Assert.Equal(1_500, Month(engines.Reference, "cac", 2));
    }

    [Fact]
    public void LeadToMqlCohortRate_HandFixture_ShareOfTheMonthsLeadsThatBecameMqls()
    {
        var engines = HandEngines();

        // January's leads c1 and c2 both became MQLs within 90 days; of February's c3 and c4, only c4.
        AssertMonths(engines, "lead_to_mql_cohort_rate", 1.0, 0.5);
    }

    [Fact]
    public void Visitors_HandFixtureByMonthAgainstJanuary_DistinctActorsOfEveryRangeOfTheQuery()
    {
        var engines = HandEngines();
        var quarter = new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1));
        var january = new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1));

        foreach (var engine in new[] { engines.Backend, engines.Reference })
        {
            var row = engine.Run(new MetricQuery("visitors", quarter, Grain.Month) { CompareWith = january }).Rows.Single();

            // Session starts by a1, a2, a3 in January; by contact c1 (not resolved to a3) and a5 in February.
            Assert.Equal([3, 2, 0], row.Values);
            Assert.Equal(5, row.Total);
            Assert.Equal(3, row.Change?.Previous);
        }
    }

    [Fact]
    public void CustomFormulaKpi_HandFixture_ComputedFromItsMeasures()
    {
        var engines = HandEngines();

        AssertMonths(engines, PaidSearchSpendPerLead.Id, 500, 900);
    }

    [Fact]
    public void RunAll_HandFixtureReviewKpisAtOnce_MonthsAndChannelsWorkedOutByHand()
    {
        var engines = HandEngines();
        var quarter = new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1));
        var previous = new DateRange(new DateOnly(2025, 10, 1), new DateOnly(2026, 1, 1));
        string[] kpis = ["sessions", "leads", "mqls", "customers", "spend", "revenue_new", "cac"];
        MetricQuery[] queries =
        [
            .. kpis.Select(kpi => new MetricQuery(kpi, quarter, Grain.Month) { CompareWith = previous }),
            new MetricQuery("sessions", Year) { By = Dimensions.Channel },
        ];

        foreach (var engine in new[] { engines.Backend, engines.Reference })
        {
            var results = engine.RunAll(queries);

            double?[][] months = [.. results.Take(kpis.Length).Select(r => r.Rows.Single().Values.ToArray())];
            Assert.Equal<double?[]>(
                [[3, 2, 0], [2, 2, 1], [1, 2, 0], [0, 1, 0], [1_200, 1_800, 0], [0, 12_000, 0], [null, 1_500, null]],
                months);
            // Nothing before 2026: the previous quarter's sessions are 0.
            Assert.Equal(0, results[0].Rows.Single().Change?.Previous);
            Assert.Equal(
                [("email", 1), ("organic", 2), ("paid_search", 2)],
                results[^1].Rows.Where(r => r.Total is not (null or 0)).Select(r => (r.Group, r.Total ?? 0)).OrderBy(r => r.Group, StringComparer.Ordinal));
        }
    }

    private (MetricsEngine Backend, MetricsEngine Reference) HandEngines() =>
        Engines("acme", KpiFixture.Write, KpiFixture.Facts, new MetricOptions { Brand = "acme" });

    private static double? Month(MetricsEngine engine, string kpi, int month) =>
        engine.Run(new MetricQuery(kpi, Year, Grain.Month)).Rows.Single().Values[month - 1];

    private static void AssertMonths((MetricsEngine Backend, MetricsEngine Reference) engines, string kpi, params double[] expected)
    {
        for (var month = 1; month <= expected.Length; month++)
        {
            var backend = Month(engines.Backend, kpi, month);
            var reference = Month(engines.Reference, kpi, month);
            Assert.True(
                KpiComparison.Same(backend, expected[month - 1]) && KpiComparison.Same(reference, expected[month - 1]),
                $"{kpi}, 2026-{month:00}: expected {expected[month - 1]} by hand, backend {backend?.ToString() ?? "empty"}, reference {reference?.ToString() ?? "empty"}");
        }
    }

    private static void AssertByChannel((MetricsEngine Backend, MetricsEngine Reference) engines, string kpi, params (string Channel, double Value)[] expected)
    {
        foreach (var engine in new[] { engines.Backend, engines.Reference })
        {
            var rows = engine.Run(new MetricQuery(kpi, Year) { By = Dimensions.Channel }).Rows
                .Where(r => r.Total is not (null or 0))
                .Select(r => (r.Group, r.Total ?? 0))
                .OrderBy(r => r.Group, StringComparer.Ordinal);
            Assert.Equal(expected, rows);
        }
    }
}
