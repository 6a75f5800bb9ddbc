using Northstar.Core.Goals;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Core.Tests.Goals;

/// <summary>Parent goals: their own KPI as actual, their sub-goals nested with a status each and summed up in notes.</summary>
public class GoalRollUpTests
{
    private static readonly Goal Parent = new("leads-2026", "leads", 1200, "2026");

    [Fact]
    public void PaceAll_ParentWithQuarterSubGoals_NestsThemAndKeepsItsOwnActual()
    {
        using var world = GoalWorld.WithJanuaryLeads(31);
        Goal[] goals =
        [
            new("leads-q2", "leads", 300, "2026-Q2") { ParentId = Parent.Id },
            new("leads-q1", "leads", 300, "2026-Q1") { ParentId = Parent.Id },
            Parent,
            new("leads-q3", "leads", 300, "2026-Q3") { ParentId = Parent.Id },
            new("leads-q4", "leads", 300, "2026-Q4") { ParentId = Parent.Id },
            new("sessions-2026", "sessions", 50_000, "2026"),
        ];

        var paced = new GoalPacer(world.Engine()).PaceAll(goals, GoalWorld.January11);

        Assert.Equal(["leads-2026", "sessions-2026"], paced.Select(p => p.Goal.Id));
        var parent = paced[0];
        Assert.Equal(["leads-q1", "leads-q2", "leads-q3", "leads-q4"], parent.SubGoals.Select(p => p.Goal.Id));
        Assert.Equal(31, parent.Actual);
        Assert.Equal(
            [PacingStatus.OnTrack, PacingStatus.NotStarted, PacingStatus.NotStarted, PacingStatus.NotStarted],
            parent.SubGoals.Select(s => s.Status));

        // 4 x 300 = 1,200: the quarters add up to the year, so no note about the targets.
        Assert.DoesNotContain(parent.Notes, n => n.Contains("add up", StringComparison.Ordinal));
        Assert.Equal([("leads-2026", 0), ("leads-q1", 1), ("leads-q2", 1), ("leads-q3", 1), ("leads-q4", 1)], parent.Walk().Select(w => (w.Pacing.Goal.Id, w.Depth)));
    }

    [Fact]
    public void PaceAll_SubGoalsOffTrackAndShortOfTheParentTarget_NotesSaySo()
    {
        using var world = GoalWorld.WithJanuaryLeads(31);
        Goal[] goals =
        [
            Parent,

            // 31 / (900 / 3 x 10/31 = 96.77) = 0.32: off track.
            new("leads-q1", "leads", 900, "2026-Q1") { ParentId = Parent.Id },
            new("leads-h2", "leads", 200, "2026-H2") { ParentId = Parent.Id },
            new("sessions-q1", "sessions", 1000, "2026-Q1") { ParentId = "leads-q1" },
        ];

        var parent = Assert.Single(new GoalPacer(world.Engine()).PaceAll(goals, GoalWorld.January11));

        Assert.Equal(31 / (900.0 / 3 * 10 / 31), parent.SubGoals[1].Attainment!.Value, precision: 9);
        Assert.Contains("1 of 2 sub-goals off track: leads-q1", parent.Notes);

        // 900 + 200 = 1,100 of the parent's 1,200; sessions-q1 tracks another KPI and is not summed.
        Assert.Contains("the targets of the sub-goals on leads add up to 1,100, not the parent's 1,200", parent.Notes);
        Assert.Equal(["leads-2026", "leads-h2", "leads-q1", "sessions-q1"], parent.Walk().Select(w => w.Pacing.Goal.Id));
        Assert.Equal(PacingStatus.NoData, parent.Walk().Last().Pacing.Status);
    }

    [Fact]
    public void PaceAll_ParentMissing_SubGoalIsPacedAtTheTop()
    {
        using var world = GoalWorld.WithJanuaryLeads(31);

        var paced = new GoalPacer(world.Engine()).PaceAll([new Goal("leads-q1", "leads", 300, "2026-Q1") { ParentId = "gone" }], GoalWorld.January11);

        Assert.Equal("leads-q1", Assert.Single(paced).Goal.Id);
    }

    [Fact]
    public void PaceWorkspace_QuarterReport_GoalsOverlappingTheQuarterWithTheWorkspaceThresholds()
    {
        using var world = GoalWorld.WithJanuaryLeads(31);
        world.Store.SaveGoal(world.Workspace, Parent);
        world.Store.SaveGoal(world.Workspace, new Goal("leads-q1", "leads", 300, "2026-Q1") { ParentId = Parent.Id });
        world.Store.SaveGoal(world.Workspace, new Goal("leads-q2", "leads", 300, "2026-Q2") { ParentId = Parent.Id });
        world.Store.SaveGoal(world.Workspace, new Goal("leads-2025", "leads", 1000, "2025"));
        world.Store.SetSetting(world.Workspace, MetricSettings.PacingOnTrack, "0.97");

        var paced = GoalPacer.PaceWorkspace(world.Engine(), world.Store, world.Store, world.Workspace, GoalWorld.January11, Period.Quarter(2026, 1).Range);

        // 2025 and 2026-Q2 do not overlap 2026-Q1; 0.961 is at risk under 0.97.
        var parent = Assert.Single(paced);
        Assert.Equal(["leads-2026", "leads-q1"], parent.Walk().Select(w => w.Pacing.Goal.Id));
        Assert.Equal(PacingStatus.AtRisk, parent.Status);
    }
}
