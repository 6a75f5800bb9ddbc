using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Testing.Builders;
using static Northstar.Core.Tests.Metrics.Kpis.FunnelKpiTests;

namespace Northstar.Core.Tests.Metrics.Kpis;

/// <summary>Cohort rates, velocities and SLA compliance over <see cref="FunnelKpiTests"/>' funnel.</summary>
public class CohortKpiTests
{
    [Fact]
    public void CohortRate_LeadToMql_IsShareOfTheMonthsLeadsThatBecameMql()
    {
        using var world = FunnelWorld();

        var rate = world.Total("lead_to_mql_cohort_rate", KpiWorld.January);

        // January's leads c1, c2, c3, c5; c1, c2 and c3 (skipped to SQL, so MQL on day 15) entered MQL.
        Assert.Equal(3.0 / 4, rate);
    }

    [Theory]
    [InlineData(5, 3.0 / 4)] // c3: lead day 10, MQL day 15, exactly 5 days: inside the window
    [InlineData(4, 2.0 / 4)]
    public void CohortRate_Window_CountsOnlyConversionsInsideIt(int windowDays, double expected)
    {
        using var world = FunnelWorld();
        var options = new MetricOptions { CohortWindowDays = windowDays };

        Assert.Equal(expected, world.Total("lead_to_mql_cohort_rate", KpiWorld.January, options));
    }

    [Fact]
    public void CohortRate_MqlToSql_NeverCountsMqlsFromBeforeThePeriod()
    {
        using var world = FunnelWorld();

        // January's MQLs c1, c2, c3, c4, c6; c1 (day 9) and c3 (same instant, skipped) reached SQL.
        Assert.Equal(2.0 / 5, world.Total("mql_to_sql_cohort_rate", KpiWorld.January));
    }

    [Theory]
    [InlineData(90, 1.0 / 4)] // c1: lead day 2, customer day 40
    [InlineData(30, 0.0 / 4)]
    public void CohortRate_LeadToCustomer_FollowsConversionsPastThePeriodsEnd(int windowDays, double expected)
    {
        using var world = FunnelWorld();
        var options = new MetricOptions { CohortWindowDays = windowDays };

        Assert.Equal(expected, world.Total("lead_to_customer_cohort_rate", KpiWorld.January, options));
    }

    [Theory]
    [InlineData("lead_to_mql_cohort_rate", 3.0 / 4)] // leads c1, c2, c3, c5: all but c5
    [InlineData("mql_to_sal_cohort_rate", 2.0 / 5)] // MQLs c1, c2, c3, c4, c6: c1 (day 9), c3 (day 15)
    [InlineData("mql_to_sql_cohort_rate", 2.0 / 5)]
    [InlineData("sal_to_sql_cohort_rate", 2.0 / 2)] // SALs c1, c3, both filled at their SQL time
    [InlineData("sql_to_opportunity_cohort_rate", 1.0 / 2)] // SQLs c1, c3: c1 on day 20
    [InlineData("opportunity_to_proposal_cohort_rate", 1.0 / 1)] // c1: proposal filled at day 40, 20 days later
    [InlineData("lead_to_customer_cohort_rate", 1.0 / 4)] // c1, 38 days
    public void CohortRate_EveryStagePair_January(string kpi, double expected)
    {
        using var world = FunnelWorld();

        Assert.Equal(expected, world.Total(kpi, KpiWorld.January));
    }

    [Theory]
    [InlineData("sal_to_sql_days", 1, 0.0)] // SQLs c1, c3: their SAL is filled at the same instant
    [InlineData("sql_to_opportunity_days", 1, 20.0 - 9)] // c1
    [InlineData("opportunity_to_proposal_days", 32, 40.0 - 20)] // c1 in February, proposal filled with the customer
    [InlineData("proposal_to_customer_days", 32, 0.0)]
    [InlineData("lead_to_customer_days", 32, 40.0 - 2)]
    [InlineData("mql_to_sal_days_p90", 1, 0 + (0.9 * (4 - 0)))] // c3 0 days, c1 4 days: rank 0.9
    public void Velocity_StagePairs_DaysOverTheMonthsArrivals(string kpi, int firstDay, double expected)
    {
        using var world = FunnelWorld();

        Assert.Equal(expected, world.Total(kpi, KpiWorld.Days(firstDay, firstDay + 28))!.Value, precision: 9);
    }

    [Fact]
    public void CohortRate_NoContactsInTheCohort_HasNoValue()
    {
        using var world = FunnelWorld();

        Assert.Null(world.Total("sql_to_opportunity_cohort_rate", KpiWorld.December));
    }

    [Fact]
    public void CohortRate_ByChannel_GroupsTheCohortByTheContactsChannel()
    {
        using var world = FunnelWorld();
        world.Add(
            new ContactBuilder("c1").Channel("email").Build(),
            new ContactBuilder("c2").Channel("email").Build(),
            new ContactBuilder("c3").Channel("paid_search").Build());

        var byChannel = world.By("mql_to_sql_cohort_rate", KpiWorld.January, Dimensions.Channel);

        Assert.Equal(1.0 / 2, byChannel["email"]); // c1 reached SQL, c2 did not
        Assert.Equal(1.0 / 1, byChannel["paid_search"]); // c3
        Assert.Equal(0.0 / 2, byChannel[Dimensions.None]); // c4, c6
    }

    [Fact]
    public void CohortRate_FilteredAndGrouped_OnlyTheAcceptedContactsInTheirGroups()
    {
        using var world = FunnelWorld();
        world.Add(
            new ContactBuilder("c1").Channel("email").Segment("smb").Build(),
            new ContactBuilder("c2").Channel("email").Segment("enterprise").Build(),
            new ContactBuilder("c3").Channel("paid_search").Segment("smb").Build(),
            new ContactBuilder("c4").Segment("smb").Build());
        var query = new MetricQuery("mql_to_sql_cohort_rate", KpiWorld.January) { By = Dimensions.Channel, Filters = [new Filter(Dimensions.Segment, ["smb"])] };
        var outside = new MetricQuery("lead_to_mql_days", KpiWorld.January) { By = Dimensions.Segment, Filters = [new Filter(Dimensions.Segment, ["smb"], Negated: true)] };

        var engine = world.Engine();
        var rates = engine.Run(query).Rows.ToDictionary(r => r.Group, r => r.Total);
        var days = engine.Run(outside).Rows.ToDictionary(r => r.Group, r => r.Total);

        // January's MQLs in smb: c1 (reached SQL, email), c3 (SQL, paid_search), c4 (no SQL, no channel); c2 is enterprise, c6 has no segment.
        Assert.Equal(new Dictionary<string, double?> { ["email"] = 1.0, ["paid_search"] = 1.0, [Dimensions.None] = 0.0 }, rates);
        // Not smb: c2 (enterprise, 1 day) and c6 (no segment, 11 days).
        Assert.Equal(new Dictionary<string, double?> { ["enterprise"] = 1.0, [Dimensions.None] = 11.0 }, days);
    }

    [Fact]
    public void CohortRate_MonthsWhoseWindowIsOpen_AreIncompleteAndNoted()
    {
        using var world = FunnelWorld();
        var options = new MetricOptions { CohortWindowDays = 20 };
        var engine = world.Engine(options, now: BuilderTime.At(day: 60, hour: 12)); // 2026-03-01
        var query = new MetricQuery("lead_to_mql_cohort_rate", KpiWorld.Days(1, 60), Grain.Month);

        var result = engine.Run(query);

        // January's last cohort closes Feb 1 + 20 days = Feb 21, before today; February's closes Mar 21.
        Assert.Equal([false, true], result.Columns.Select(c => c.Incomplete));
        Assert.Contains(result.Notes, n => n.Contains("20-day window", StringComparison.Ordinal));
    }

    [Fact]
    public void Velocity_LeadToMql_MedianAndP90OverTheMonthsMqls()
    {
        using var world = FunnelWorld();

        var median = world.Total("lead_to_mql_days", KpiWorld.January);
        var p90 = world.Total("lead_to_mql_days_p90", KpiWorld.January);

        // January's MQLs took c2 1, c1 3, c3 5, c6 11 (day -5 to 6), c4 14 (day -11 to 3) days.
        Assert.Equal(5, median);
        Assert.Equal(11 + (0.6 * (14 - 11)), p90!.Value, precision: 9); // rank 0.9 x 4 = 3.6
    }

    [Fact]
    public void Velocity_OneEngine_MonthsAndBothPercentilesFromTheSameTransitions()
    {
        using var world = FunnelWorld();
        var engine = world.Engine();

        // c1, the only customer: lead on day 2, customer on day 40 (February); the proposal is filled with it.
        var byMonth = engine.Run(new MetricQuery("lead_to_customer_days", KpiWorld.Days(1, 60), Grain.Month)).Rows.Single().Values;
        var proposals = engine.Run(new MetricQuery("opportunity_to_proposal_days", KpiWorld.Days(1, 60), Grain.Month)).Rows.Single().Values;
        var median = engine.Run(new MetricQuery("lead_to_mql_days", KpiWorld.January)).Rows.Single().Total;
        var p90 = engine.Run(new MetricQuery("lead_to_mql_days_p90", KpiWorld.January)).Rows.Single().Total;

        Assert.Equal([null, 40.0 - 2], byMonth);
        Assert.Equal([null, 40.0 - 20], proposals); // c1's opportunity on day 20
        Assert.Equal(5, median); // January's MQLs: 1, 3, 5, 11 and 14 days
        Assert.Equal(11 + (0.6 * (14 - 11)), p90!.Value, precision: 9);
    }

    [Fact]
    public void Velocity_SkippedStage_CountsZeroDays()
    {
        using var world = FunnelWorld();

        var median = world.Total("mql_to_sql_days", KpiWorld.January);

        Assert.Equal((0.0 + 4) / 2, median); // c3 skipped MQL: 0 days; c1 day 5 to 9: 4 days
    }

    [Fact]
    public void Velocity_PartialDays_AreFractions()
    {
        using var world = new KpiWorld();
        world.Add(Enter("x", Stage.Sql, 3, hour: 6), Enter("x", Stage.Opportunity, 4, hour: 18));

        Assert.Equal(1.5, world.Total("sql_to_opportunity_days", KpiWorld.January));
    }

    [Fact]
    public void Velocity_NoTransitions_HasNoValue()
    {
        using var world = FunnelWorld();

        Assert.Null(world.Total("proposal_to_customer_days", KpiWorld.January));
    }

    [Theory]
    [InlineData(24, 2.0 / 5)]
    [InlineData(25, 3.0 / 5)]
    public void SlaCompliance_January_IsShareOfMqlsWorkedWithinTheSla(int slaHours, double expected)
    {
        using var world = FunnelWorld();
        world.Add(
            new ActivityBuilder("a1").For("c1").At(day: 5, hour: 10).Build(), // 10 h after MQL: met
            new ActivityBuilder("a2").For("c2").Kind(ActivityKind.SalesEmail).At(day: 5, hour: 1).Build(), // 25 h
            new ActivityBuilder("a3").For("c3").Kind(ActivityKind.Meeting).At(day: 16).Build(), // exactly 24 h: met
            new ActivityBuilder("a4").For("c4").Kind(ActivityKind.Ticket).At(day: 3, hour: 5).Build(), // a ticket is not sales work
            new ActivityBuilder("a5").For("c4").At(day: 2).Build()); // before the MQL: does not count
        var options = new MetricOptions { SalesSla = TimeSpan.FromHours(slaHours) };

        // MQLs of January: c1, c2, c3, c4, c6 (never worked).
        Assert.Equal(expected, world.Total("sla_compliance", KpiWorld.January, options));
    }

    [Fact]
    public void SlaCompliance_OneEngineAskedForSeveralPeriods_SameAsNewEngines()
    {
        using var world = FunnelWorld();
        world.Add(
            new ActivityBuilder("a1").For("c1").At(day: 5, hour: 10).Build(),
            new ActivityBuilder("a2").For("c2").Kind(ActivityKind.SalesEmail).At(day: 5, hour: 1).Build(),
            new ActivityBuilder("a3").For("c3").Kind(ActivityKind.Meeting).At(day: 16).Build());
        var engine = world.Engine();
        // A later period, then one it does not cover, a wider one, and two it covers: the rows kept
        // for one span must never answer for a span outside it.
        DateRange[] periods = [KpiWorld.Days(32, 60), KpiWorld.January, KpiWorld.Days(1, 60), KpiWorld.January, KpiWorld.Days(10, 20)];

        var answers = periods.Select(p => engine.Run(new MetricQuery("sla_compliance", p)).Rows.Single().Total).ToList();

        Assert.Equal(periods.Select(p => world.Total("sla_compliance", p)), answers);
        Assert.Equal(2.0 / 5, answers[1]); // as in the theory above: c1 and c3 of January's five MQLs
        Assert.Equal(answers[1], answers[3]);
    }
}
