using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Testing.Builders;
using Northstar.Testing;

namespace Northstar.Core.Tests.Metrics.Kpis;

/// <summary>Comparisons, incomplete buckets and the workspace's time zone.</summary>
public class EngineTimeTests
{
    [Fact]
    public void Run_CompareWithPreviousPeriod_GivesAbsoluteRelativeAndBetter()
    {
        using var world = KpiWorld.WithSessions(-20, -3, 2, 3, 4, 5); // December 2, January 4

        var change = world.Engine().Run(new MetricQuery("sessions", KpiWorld.January) { CompareWith = KpiWorld.December }).Rows.Single().Change!;

        Assert.Equal(2, change.Previous);
        Assert.Equal(4 - 2, change.Absolute);
        Assert.Equal((4.0 - 2) / 2, change.Relative);
        Assert.Equal(ChangeVerdict.Better, change.Verdict);
    }

    [Fact]
    public void Run_CompareWithSamePeriodLastYear_GivesWorseOnADrop()
    {
        using var world = KpiWorld.WithSessions(-364, -360, -350, -340, -334, 2, 3, 4, 5); // Jan 2025: days -364..-334
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
        using var world = KpiWorld.WithSessions(-3, 3);

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
        using var world = KpiWorld.WithSessions(2);

        var change = world.Engine().Run(new MetricQuery("sessions", KpiWorld.January) { CompareWith = KpiWorld.December }).Rows.Single().Change!;

        Assert.Equal(1 - 0, change.Absolute);
        Assert.Null(change.Relative);
    }

    [Fact]
    public void Run_BucketsReachingToday_AreIncomplete()
    {
        using var world = KpiWorld.WithSessions(-3, 2);
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
        using var world = KpiWorld.WithSessions(2);
        var clock = new ManualClock(BuilderTime.At(day: 15, hour: 23));
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

    private static IEnumerable<IFact> FormEvents(string prefix, int day, int starts, int submits) =>
        [
            .. Enumerable.Range(0, starts).Select(i => new EventBuilder($"{prefix}-start{i}").Type(EventType.FormStart).At(day).Form("f").Build()),
            .. Enumerable.Range(0, submits).Select(i => new EventBuilder($"{prefix}-submit{i}").FormSubmit().At(day).Form("f").Build()),
        ];
}
