using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Metrics.Kpis;

public class EngineMechanicsTests
{
    [Fact]
    public void Run_DayGrain_OneColumnPerDay()
    {
        using var world = Sessions(1, 1, 3);

        var result = world.Engine().Run(new MetricQuery("sessions", KpiWorld.Days(1, 4), Grain.Day));

        Assert.Equal([KpiWorld.Days(1, 2), KpiWorld.Days(2, 3), KpiWorld.Days(3, 4)], result.Columns.Select(c => c.Range));
        Assert.Equal([2.0, 0.0, 1.0], result.Rows.Single().Values);
        Assert.Equal(3, result.Rows.Single().Total);
    }

    [Fact]
    public void Run_WeekGrain_IsoWeeksClippedToTheRange()
    {
        // 2026-01-01 is a Thursday: W01 holds days 1-4, W02 days 5-11, W03 starts on day 12.
        using var world = Sessions(1, 4, 5, 14);

        var result = world.Engine().Run(new MetricQuery("sessions", KpiWorld.Days(1, 15), Grain.Week));

        Assert.Equal(["2026-W01", "2026-W02", "2026-W03"], result.Columns.Select(c => c.Label));
        Assert.Equal([KpiWorld.Days(1, 5), KpiWorld.Days(5, 12), KpiWorld.Days(12, 15)], result.Columns.Select(c => c.Range));
        Assert.Equal([2.0, 1.0, 1.0], result.Rows.Single().Values);
    }

    [Fact]
    public void Run_MonthGrain_OneColumnPerMonth()
    {
        using var world = Sessions(2, 40, 41, 70); // Jan 2, Feb 9, Feb 10, Mar 11

        var result = world.Engine().Run(new MetricQuery("sessions", KpiWorld.Days(1, 91), Grain.Month));

        Assert.Equal(["2026-01", "2026-02", "2026-03"], result.Columns.Select(c => c.Label));
        Assert.Equal([1.0, 2.0, 1.0], result.Rows.Single().Values);
    }

    [Fact]
    public void Run_QuarterGrainWithOctoberFiscalYear_FollowsFiscalQuarters()
    {
        using var world = Sessions(-50, -1, 2); // 2025-11-11, 2025-12-30, 2026-01-02
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
        using var world = Sessions(31, 32, 100); // 2026-01-31 ends FY2026; 2026-02-01 and 2026-04-10 are FY2027
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
    public void Run_CompareWithPreviousPeriod_GivesAbsoluteRelativeAndBetter()
    {
        using var world = Sessions(-20, -3, 2, 3, 4, 5); // December 2, January 4

        var change = world.Engine().Run(new MetricQuery("sessions", KpiWorld.January) { CompareWith = KpiWorld.December }).Rows.Single().Change!;

        Assert.Equal(2, change.Previous);
        Assert.Equal(4 - 2, change.Absolute);
        Assert.Equal((4.0 - 2) / 2, change.Relative);
        Assert.Equal(ChangeVerdict.Better, change.Verdict);
    }

    [Fact]
    public void Run_CompareWithSamePeriodLastYear_GivesWorseOnADrop()
    {
        using var world = Sessions(-364, -360, -350, -340, -334, 2, 3, 4, 5); // Jan 2025: days -364..-334
        var lastYear = new DateRange(new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1));

        var change = world.Engine().Run(new MetricQuery("sessions", KpiWorld.January) { CompareWith = lastYear }).Rows.Single().Change!;

        Assert.Equal(5, change.Previous);
        Assert.Equal(4 - 5, change.Absolute);
        Assert.Equal((4.0 - 5) / 5, change.Relative);
        Assert.Equal(ChangeVerdict.Worse, change.Verdict);
    }

    [Fact]
    public void Run_CompareDownIsGoodKpi_FallIsBetter()
    {
        using var world = new KpiWorld();
        world.Add([.. FormEvents("dec", day: -5, starts: 4, submits: 1), .. FormEvents("jan", day: 5, starts: 10, submits: 4)]);

        var change = world.Engine().Run(new MetricQuery("form_drop_off", KpiWorld.January) { CompareWith = KpiWorld.December }).Rows.Single().Change!;

        Assert.Equal(1 - (1.0 / 4), change.Previous);
        Assert.Equal((1 - (4.0 / 10)) - (1 - (1.0 / 4)), change.Absolute!.Value, precision: 12);
        Assert.Equal(-0.15 / 0.75, change.Relative!.Value, precision: 12);
        Assert.Equal(ChangeVerdict.Better, change.Verdict);
    }

    [Fact]
    public void Run_CompareEqualValues_VerdictSame()
    {
        using var world = Sessions(-3, 3);

        var change = world.Engine().Run(new MetricQuery("sessions", KpiWorld.January) { CompareWith = KpiWorld.December }).Rows.Single().Change!;

        Assert.Equal(0, change.Absolute);
        Assert.Equal(ChangeVerdict.Same, change.Verdict);
    }

    [Fact]
    public void Run_CompareWithPeriodWithoutValue_VerdictUnknown()
    {
        using var world = FunnelKpiTests.FunnelWorld();

        var change = world.Engine().Run(new MetricQuery("lead_to_mql_rate", KpiWorld.January) { CompareWith = KpiWorld.Days(-60, -30) }).Rows.Single().Change!;

        Assert.Null(change.Previous);
        Assert.Null(change.Absolute);
        Assert.Equal(ChangeVerdict.Unknown, change.Verdict);
    }

    [Fact]
    public void Run_CompareFromZero_HasNoRelativeChange()
    {
        using var world = Sessions(2);

        var change = world.Engine().Run(new MetricQuery("sessions", KpiWorld.January) { CompareWith = KpiWorld.December }).Rows.Single().Change!;

        Assert.Equal(1 - 0, change.Absolute);
        Assert.Null(change.Relative);
    }

    [Fact]
    public void Run_BucketsReachingToday_AreIncomplete()
    {
        using var world = Sessions(-3, 2);
        var engine = world.Engine(now: BuilderTime.At(day: 15, hour: 12));

        var months = engine.Run(new MetricQuery("sessions", KpiWorld.Days(-30, 32), Grain.Month));
        var days = engine.Run(new MetricQuery("sessions", KpiWorld.Days(14, 16), Grain.Day));

        Assert.Equal([false, true], months.Columns.Select(c => c.Incomplete));
        Assert.Equal([false, true], days.Columns.Select(c => c.Incomplete)); // day 14 is over; day 15 is today
        Assert.Contains(months.Notes, n => n.Contains("today", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_ClockPassesMidnight_TodaysBucketBecomesComplete()
    {
        using var world = Sessions(2);
        var clock = new FixedClock(BuilderTime.At(day: 15, hour: 23));
        var engine = new MetricsEngine(world.Store, world.Workspace, time: clock);
        var query = new MetricQuery("sessions", KpiWorld.Days(15, 16), Grain.Day);
        var before = engine.Run(query).Columns.Single().Incomplete;

        clock.Now = BuilderTime.At(day: 16, hour: 1);
        var after = engine.Run(query).Columns.Single().Incomplete;

        Assert.True(before);
        Assert.False(after);
    }

    [Fact]
    public void Today_WorkspaceWestOfUtc_IsTheLocalDate()
    {
        using var world = new KpiWorld("America/New_York");
        var engine = world.Engine(now: new DateTimeOffset(2026, 1, 15, 3, 0, 0, TimeSpan.Zero));

        var result = engine.Run(new MetricQuery("sessions", KpiWorld.Days(14, 16), Grain.Day));

        Assert.Equal(new DateOnly(2026, 1, 14), engine.Today); // 22:00 on the 14th in New York
        Assert.Equal([true, true], result.Columns.Select(c => c.Incomplete));
    }

    [Fact]
    public void Run_EventAndStageNearMidnight_CountOnTheWorkspacesLocalDay()
    {
        using var newYork = new KpiWorld("America/New_York");
        using var utc = new KpiWorld();
        var lateEvening = new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero); // Jan 1, 22:00 in New York
        foreach (var world in new[] { newYork, utc })
        {
            world.Add(
                new EventBuilder("s1").SessionStart().At(lateEvening).Anonymous("a1").Build(),
                new StageChangeBuilder("c1").EnteredAt(lateEvening).Build());
        }

        var newYorkDays = newYork.Engine().Run(new MetricQuery("sessions", KpiWorld.Days(1, 3), Grain.Day)).Rows.Single().Values;
        var utcDays = utc.Engine().Run(new MetricQuery("sessions", KpiWorld.Days(1, 3), Grain.Day)).Rows.Single().Values;
        var newYorkLeads = newYork.Engine().Run(new MetricQuery("leads", KpiWorld.Days(1, 3), Grain.Day)).Rows.Single().Values;

        Assert.Equal([1.0, 0.0], newYorkDays);
        Assert.Equal([0.0, 1.0], utcDays);
        Assert.Equal([1.0, 0.0], newYorkLeads);
    }

    [Fact]
    public void Run_WorkspaceEastOfUtc_MovesLateEventIntoNextMonth()
    {
        using var world = new KpiWorld("Asia/Tokyo");
        world.Add(new EventBuilder("s1").SessionStart().At(day: 31, hour: 20).Anonymous("a1").Build()); // Feb 1, 05:00 in Tokyo

        var result = world.Engine().Run(new MetricQuery("sessions", KpiWorld.Days(1, 60), Grain.Month));

        Assert.Equal([0.0, 1.0], result.Rows.Single().Values);
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
        using var world = Sessions(2);
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
        using var world = Sessions(-20, -3, 2, 3, 4, 5); // December 2, January 4
        var engine = world.Engine();

        var totals = Enumerable.Range(0, 400).AsParallel().WithDegreeOfParallelism(4)
            .Select(i => (January: i % 2 == 0, Total: engine.Run(new MetricQuery("sessions", i % 2 == 0 ? KpiWorld.January : KpiWorld.December)).Rows.Single().Total))
            .ToList();

        Assert.All(totals, t => Assert.Equal(t.January ? 4 : 2, t.Total));
    }

    private static IEnumerable<IFact> FormEvents(string prefix, int day, int starts, int submits) =>
        [
            .. Enumerable.Range(0, starts).Select(i => new EventBuilder($"{prefix}-start{i}").Type(EventType.FormStart).At(day).Form("f").Build()),
            .. Enumerable.Range(0, submits).Select(i => new EventBuilder($"{prefix}-submit{i}").FormSubmit().At(day).Form("f").Build()),
        ];

    private static KpiWorld Sessions(params int[] days)
    {
        var world = new KpiWorld();
        world.Add([.. days.Select((day, i) => new EventBuilder($"s{i}").SessionStart().At(day, hour: 12).Anonymous($"a{i}").Build())]);
        return world;
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
