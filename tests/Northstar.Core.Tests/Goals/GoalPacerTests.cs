using Northstar.Core.Goals;
using Northstar.Core.Metrics;

namespace Northstar.Core.Tests.Goals;

/// <summary>Pacing on small fixtures; every expected value is worked out in the comment above it.</summary>
public class GoalPacerTests
{
    private static readonly Goal Leads2026 = new("leads-2026", "leads", 1200, "2026");

    [Fact]
    public void Pace_ThirtyOneLeadsByJanuary11AgainstYearly1200_OnTrack()
    {
        using var world = GoalWorld.WithJanuaryLeads(31);

        var pacing = new GoalPacer(world.Engine()).Pace(Leads2026, GoalWorld.January11);

        // Even split: January is 1/12 of 1,200 = 100; ten of its 31 days are gone: 100 x 10/31 = 32.258.
        var targetToDate = 1200.0 / 12 * 10 / 31;
        Assert.Equal(32.258, pacing.TargetToDate, precision: 3);
        Assert.Equal(targetToDate, pacing.TargetToDate, precision: 9);
        Assert.Equal(31, pacing.Actual);

        // 31 / 32.258 = 0.961 >= 0.95.
        Assert.Equal(0.961, pacing.Attainment!.Value, precision: 3);
        Assert.Equal(PacingStatus.OnTrack, pacing.Status);
        Assert.True(pacing.ProRated);
        Assert.Equal((10, 355), (pacing.DaysElapsed, pacing.DaysLeft));

        // The rest: (1,200 - 31) / 355 days = 3.293 a day.
        Assert.Equal(1169.0 / 355, pacing.RequiredDailyRate!.Value, precision: 9);
    }

    [Theory]
    [InlineData(31, PacingStatus.OnTrack)] // 31 / 32.258 = 0.961
    [InlineData(30, PacingStatus.AtRisk)] // 30 / 32.258 = 0.930
    [InlineData(28, PacingStatus.AtRisk)] // 28 / 32.258 = 0.868
    [InlineData(27, PacingStatus.OffTrack)] // 27 / 32.258 = 0.837 < 0.85
    [InlineData(40, PacingStatus.OnTrack)] // ahead: 1.24
    public void Pace_DefaultThresholds_StatusByAttainment(int leads, PacingStatus expected)
    {
        using var world = GoalWorld.WithJanuaryLeads(leads);

        var pacing = new GoalPacer(world.Engine()).Pace(Leads2026, GoalWorld.January11);

        Assert.Equal(leads / (1200.0 / 12 * 10 / 31), pacing.Attainment!.Value, precision: 9);
        Assert.Equal(expected, pacing.Status);
    }

    [Fact]
    public void Pace_ThresholdsFromSettings_ThirtyOneLeadsIsAtRiskUnderAStricterBar()
    {
        using var world = GoalWorld.WithJanuaryLeads(31);
        world.Store.SetSetting(world.Workspace, MetricSettings.PacingOnTrack, "0.97");
        world.Store.SetSetting(world.Workspace, MetricSettings.PacingAtRisk, "0.9");
        var thresholds = PacingThresholds.Load(world.Store, world.Workspace);

        var pacing = new GoalPacer(world.Engine(), thresholds).Pace(Leads2026, GoalWorld.January11);

        // 0.961 is below 0.97 and above 0.9.
        Assert.Equal((0.97, 0.9), (thresholds.OnTrack, thresholds.AtRisk));
        Assert.Equal(PacingStatus.AtRisk, pacing.Status);
    }

    [Fact]
    public void Pace_SeasonalSplitHeavyJanuary_TargetToDateFollowsTheWeights()
    {
        using var world = GoalWorld.WithJanuaryLeads(31);
        var goal = Leads2026 with { MonthWeights = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] };

        var pacing = new GoalPacer(world.Engine()).Pace(goal, GoalWorld.January11);

        // January carries 2/13 of 1,200 = 184.6; 10/31 of it = 59.55; 31 / 59.55 = 31 x 13 x 31 / 24,000 = 0.5205: off track.
        Assert.Equal(1200.0 * 2 / 13 * 10 / 31, pacing.TargetToDate, precision: 9);
        Assert.Equal(31.0 * 13 * 31 / 24_000, pacing.Attainment!.Value, precision: 9);
        Assert.Equal(0.5205, pacing.Attainment.Value, precision: 4);
        Assert.Equal(PacingStatus.OffTrack, pacing.Status);
    }

    [Fact]
    public void Pace_QuarterGoal_ProRatesOverTheQuarterOnly()
    {
        using var world = GoalWorld.WithJanuaryLeads(31);
        var goal = new Goal("leads-q1", "leads", 300, "2026-Q1");

        var pacing = new GoalPacer(world.Engine()).Pace(goal, GoalWorld.January11);

        // Three whole months, 100 each; 100 x 10/31 = 32.258 again; 90 days in Q1 2026, 10 gone.
        Assert.Equal(300.0 / 3 * 10 / 31, pacing.TargetToDate, precision: 9);
        Assert.Equal((10, 80), (pacing.DaysElapsed, pacing.DaysLeft));
        Assert.Equal((300.0 - 31) / 80, pacing.RequiredDailyRate!.Value, precision: 9);
    }
}
