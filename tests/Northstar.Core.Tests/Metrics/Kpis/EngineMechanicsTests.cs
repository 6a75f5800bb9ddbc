using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Metrics.Kpis;

public class EngineMechanicsTests
{
    [Fact]
    public void Run_DayGrain_OneColumnPerDay()
    {
        using var world = KpiWorld.WithSessions(1, 1, 3);

        var result = world.Engine().Run(new MetricQuery("sessions", KpiWorld.Days(1, 4), Grain.Day));

        Assert.Equal([KpiWorld.Days(1, 2), KpiWorld.Days(2, 3), KpiWorld.Days(3, 4)], result.Columns.Select(c => c.Range));
        Assert.Equal([2.0, 0.0, 1.0], result.Rows.Single().Values);
        Assert.Equal(3, result.Rows.Single().Total);
    }

    [Fact]
    public void Run_WeekGrain_IsoWeeksClippedToTheRange()
    {
        // 2026-01-01 is a Thursday: W01 holds days 1-4, W02 days 5-11, W03 starts on day 12.
        using var world = KpiWorld.WithSessions(1, 4, 5, 14);

        var result = world.Engine().Run(new MetricQuery("sessions", KpiWorld.Days(1, 15), Grain.Week));

        Assert.Equal(["2026-W01", "2026-W02", "2026-W03"], result.Columns.Select(c => c.Label));
        Assert.Equal([KpiWorld.Days(1, 5), KpiWorld.Days(5, 12), KpiWorld.Days(12, 15)], result.Columns.Select(c => c.Range));
        Assert.Equal([2.0, 1.0, 1.0], result.Rows.Single().Values);
    }

    [Fact]
    public void Run_MonthGrain_OneColumnPerMonth()
    {
        using var world = KpiWorld.WithSessions(2, 40, 41, 70); // Jan 2, Feb 9, Feb 10, Mar 11

        var result = world.Engine().Run(new MetricQuery("sessions", KpiWorld.Days(1, 91), Grain.Month));

        Assert.Equal(["2026-01", "2026-02", "2026-03"], result.Columns.Select(c => c.Label));
        Assert.Equal([1.0, 2.0, 1.0], result.Rows.Single().Values);
    }

    [Fact]
    public void Run_QuarterGrainWithOctoberFiscalYear_FollowsFiscalQuarters()
    {
        using var world = KpiWorld.WithSessions(-50, -1, 2); // 2025-11-11, 2025-12-30, 2026-01-02
        var options = new MetricOptions { FiscalYearStartMonth = 10 };
        var range = new DateRange(new DateOnly(2025, 10, 1), new DateOnly(2026, 4, 1));

        var result = world.Engine(options).Run(new MetricQuery("sessions", range, Grain.Quarter));

        Assert.Equal(["FY2026-Q1", "FY2026-Q2"], result.Columns.Select(c => c.Label));
        Assert.Equal(new DateRange(new DateOnly(2025, 10, 1), new DateOnly(2026, 1, 1)), result.Columns[0].Range);
        Assert.Equal([2.0, 1.0], result.Rows.Single().Values);
    }

    [Fact]
    public void Run_YearGrainWithFebruaryFiscalYear_NamesYearsByTheirEnd()
    {
        using var world = KpiWorld.WithSessions(31, 32, 100); // 2026-01-31 ends FY2026; 2026-02-01 and 2026-04-10 are FY2027
        var options = new MetricOptions { FiscalYearStartMonth = 2 };
        var range = new DateRange(new DateOnly(2025, 2, 1), new DateOnly(2027, 2, 1));

        var result = world.Engine(options).Run(new MetricQuery("sessions", range, Grain.Year));

        Assert.Equal(["FY2026", "FY2027"], result.Columns.Select(c => c.Label));
        Assert.Equal([1.0, 2.0], result.Rows.Single().Values);
    }

    [Theory]
    [InlineData(false, new[] { "email" }, 2)]
    [InlineData(true, new[] { "email" }, 2)] // organic_search and the session without a channel
    [InlineData(false, new[] { Dimensions.None }, 1)]
    [InlineData(false, new[] { "email", "organic_search" }, 3)]
    [InlineData(true, new[] { "email", Dimensions.None }, 1)]
    public void Run_ChannelFilter_KeepsMatchingOrNonMatchingSessions(bool negated, string[] channels, double expected)
    {
        using var world = ChannelSessions();
        var query = new MetricQuery("sessions", KpiWorld.January) { Filters = [new Filter(Dimensions.Channel, channels, negated)] };

        Assert.Equal(expected, world.Engine().Run(query).Rows.Single().Total);
    }

    [Fact]
    public void Run_BreakdownWithFilter_OverallRowHonoursTheFilter()
    {
        using var world = ChannelSessions();
        var query = new MetricQuery("sessions", KpiWorld.Days(1, 60), Grain.Month)
        {
            By = Dimensions.Channel,
            Filters = [new Filter(Dimensions.Channel, ["organic_search"], Negated: true)],
        };

        var result = world.Engine().Run(query);

        Assert.Equal(["email", Dimensions.None], result.Rows.Select(r => r.Group));
        Assert.Equal([2.0 + 1, 1.0], result.Rows.Select(r => r.Total)); // email: Jan 2, Feb 1
        Assert.Equal([2.0 + 1, 1.0 + 0], result.Overall!.Values);
        Assert.Equal(4, result.Overall.Total);
    }

    [Theory]
    [InlineData("sessions", Dimensions.Segment)]
    [InlineData("leads", Dimensions.Page)]
    [InlineData("visitors", Dimensions.Channel)]
    [InlineData("share_of_voice", Dimensions.Brand)]
    public void Run_DimensionTheKpiDoesNotCarry_Throws(string kpi, string dimension)
    {
        using var world = ChannelSessions();

        var byError = Assert.Throws<MetricQueryException>(() => world.Engine().Run(new MetricQuery(kpi, KpiWorld.January) { By = dimension }));
        var filterError = Assert.Throws<MetricQueryException>(() => world.Engine().Run(
            new MetricQuery(kpi, KpiWorld.January) { Filters = [new Filter(dimension, ["x"])] }));

        Assert.Contains($"'{dimension}'", byError.Message, StringComparison.Ordinal);
        Assert.Contains($"'{dimension}'", filterError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownKpi_ThrowsNamingItAndCloseOnes()
    {
        using var world = new KpiWorld();

        var unknown = Assert.Throws<MetricQueryException>(() => world.Engine().Run(new MetricQuery("no_such_kpi", KpiWorld.January)));
        var close = Assert.Throws<MetricQueryException>(() => world.Engine().Run(new MetricQuery("session", KpiWorld.January)));

        Assert.Contains("Unknown KPI 'no_such_kpi'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean sessions", close.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EmptyPeriodOfARate_HasNoValue()
    {
        using var world = FunnelKpiTests.FunnelWorld();

        var result = world.Engine().Run(new MetricQuery("lead_to_mql_cohort_rate", KpiWorld.Days(200, 230), Grain.Month));

        Assert.All(result.Rows.Single().Values, Assert.Null);
        Assert.Null(result.Rows.Single().Total);
    }

    [Fact]
    public void Run_AdditiveFormulaGroupMissingInABucket_IsZeroThere()
    {
        using var world = new KpiWorld();
        world.Add(
            new EventBuilder("cu1").Type(EventType.ContentUsed).At(day: 3).Asset("deck").Build(),
            new EventBuilder("cu2").Type(EventType.ContentUsed).At(day: 40).Asset("ebook").Build());

        var result = world.Engine().Run(new MetricQuery("content_utilization", KpiWorld.Days(1, 60), Grain.Month) { By = Dimensions.Asset });
        var deck = result.Rows.Single(r => r.Group == "deck");

        Assert.Equal([1.0, 0.0], deck.Values);
    }

    [Fact]
    public void Run_DataAddedAfterAQuery_IsSeenByTheNextQuery()
    {
        using var world = KpiWorld.WithSessions(2);
        var engine = world.Engine();
        var before = engine.Run(new MetricQuery("sessions", KpiWorld.January)).Rows.Single().Total;

        world.Add(new EventBuilder("late").SessionStart().At(day: 9).Build());
        var after = engine.Run(new MetricQuery("sessions", KpiWorld.January)).Rows.Single().Total;

        Assert.Equal(1, before);
        Assert.Equal(2, after);
    }

    [Fact]
    public void Run_QueriesFromManyThreadsOnOneEngine_EachGetsItsOwnPeriod()
    {
        using var world = KpiWorld.WithSessions(-20, -3, 2, 3, 4, 5); // December 2, January 4
        var engine = world.Engine();

        var totals = Enumerable.Range(0, 400).AsParallel().WithDegreeOfParallelism(4)
            .Select(i => (January: i % 2 == 0, Total: engine.Run(new MetricQuery("sessions", i % 2 == 0 ? KpiWorld.January : KpiWorld.December)).Rows.Single().Total))
            .ToList();

        Assert.All(totals, t => Assert.Equal(t.January ? 4 : 2, t.Total));
    }

    /// <summary>January: 2 email, 1 organic_search, 1 without channel; February: 1 email.</summary>
    private static KpiWorld ChannelSessions()
    {
        var world = new KpiWorld();
        world.Add(
            new EventBuilder("s1").SessionStart().At(day: 2).Channel("email").Build(),
            new EventBuilder("s2").SessionStart().At(day: 3).Channel("email").Build(),
            new EventBuilder("s3").SessionStart().At(day: 5).Channel("organic_search").Build(),
            new EventBuilder("s4").SessionStart().At(day: 10).Build(),
            new EventBuilder("s5").SessionStart().At(day: 35).Channel("email").Build());
        return world;
    }
}
