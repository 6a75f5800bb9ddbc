using Northstar.Core.Goals;
using Northstar.Core.Tests.Metrics.Kpis;

namespace Northstar.Core.Tests.Goals;

/// <summary>Goals whose period has no data yet, has not started, or is over.</summary>
public class GoalPacerTimeTests
{
    [Fact]
    public void Pace_NoDataInThePeriod_SaysSoClearly()
    {
        using var world = new KpiWorld();

        var pacing = new GoalPacer(world.Engine()).Pace(new Goal("leads-2026", "leads", 1200, "2026"), GoalWorld.January11);

        Assert.Equal(PacingStatus.NoData, pacing.Status);
        Assert.Null(pacing.Attainment);
        Assert.StartsWith("no data yet: no leads recorded from 2026-01-01 to 2026-01-10", pacing.Notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Pace_PeriodInTheFuture_NotStartedWithTheWholePeriodLeft()
    {
        using var world = GoalWorld.WithJanuaryLeads(31);

        var pacing = new GoalPacer(world.Engine()).Pace(new Goal("leads-q2", "leads", 300, "2026-Q2"), GoalWorld.January11);

        // April 30 + May 31 + June 30 = 91 days, none gone; 300 / 91 a day needed.
        Assert.Equal(PacingStatus.NotStarted, pacing.Status);
        Assert.Null(pacing.Actual);
        Assert.Equal(0, pacing.TargetToDate);
        Assert.Equal((0, 91), (pacing.DaysElapsed, pacing.DaysLeft));
        Assert.Contains("2026-Q2 starts on 2026-04-01", pacing.Notes);
    }

    [Fact]
    public void Pace_PeriodInThePast_FinalResultAgainstTheWholeTarget()
    {
        // Twelve leads in December 2025 (builder days -30 to 0) and 31 in January that must not count.
        using var world = GoalWorld.WithJanuaryLeads(31);
        world.Add([.. GoalWorld.Leads(12, firstDay: -30, days: 31, prefix: "d")]);

        var pacing = new GoalPacer(world.Engine()).Pace(new Goal("leads-dec", "leads", 10, "2025-12"), GoalWorld.January11);

        // 12 / 10 = 1.2 over the whole month.
        Assert.Equal(12, pacing.Actual);
        Assert.Equal(10, pacing.TargetToDate);
        Assert.Equal(1.2, pacing.Attainment!.Value, precision: 12);
        Assert.Equal(PacingStatus.OnTrack, pacing.Status);
        Assert.Equal((31, 0), (pacing.DaysElapsed, pacing.DaysLeft));
        Assert.Null(pacing.RequiredDailyRate);
        Assert.Contains("final: 2025-12 ended on 2025-12-31", pacing.Notes);
    }
}
