using System.Text.Json;

namespace Northstar.Cli.Tests;

/// <summary><c>northstar goal set|list|delete</c> on the real process, paced on the 31-leads fixture.</summary>
public class GoalCommandTests
{
    [Fact]
    public void GoalList_ThirtyOneLeadsByJanuary11_PacesTheWorkedExample()
    {
        using var db = new GoalFixture();
        db.Ok("goal", "set", "leads-2025", "--kpi", "leads", "--target", "1200", "--period", "2025", "--owner", "ana", "--business-goal", "grow new revenue");
        db.Ok("goal", "set", "leads-q1", "--kpi", "leads", "--target", "300", "--period", "2025-Q1", "--parent", "leads-2025");

        var json = JsonDocument.Parse(db.Ok("goal", "list", "--today", "2025-01-11", "--format", "json")).RootElement;

        Assert.Equal("2025-01-11", json.GetProperty("as_of").GetString());
        var goals = json.GetProperty("goals");
        Assert.Equal(2, goals.GetArrayLength());
        var year = goals[0];
        Assert.Equal(("leads-2025", 0, "ana", "grow new revenue"), (year.GetProperty("id").GetString(), year.GetProperty("depth").GetInt32(), year.GetProperty("owner").GetString(), year.GetProperty("business_goal").GetString()));

        // 1,200 / 12 x 10/31 = 32.258 due by 11 January; 31 / 32.258 = 0.961: on track.
        Assert.Equal(31, year.GetProperty("actual").GetDouble());
        Assert.Equal(1200.0 / 12 * 10 / 31, year.GetProperty("target_to_date").GetDouble(), precision: 9);
        Assert.Equal(0.961, year.GetProperty("attainment").GetDouble(), precision: 3);
        Assert.Equal("on_track", year.GetProperty("status").GetString());
        Assert.Equal((1200.0 - 31) / 355, year.GetProperty("required_daily_rate").GetDouble(), precision: 9);

        // The quarter: 300 / 3 x 10/31 = 32.258 too; listed under its parent.
        var quarter = goals[1];
        Assert.Equal(("leads-q1", "leads-2025", 1), (quarter.GetProperty("id").GetString(), quarter.GetProperty("parent_id").GetString(), quarter.GetProperty("depth").GetInt32()));
        Assert.Equal(300.0 / 3 * 10 / 31, quarter.GetProperty("target_to_date").GetDouble(), precision: 9);
    }

    [Fact]
    public void GoalList_Table_ShowsTargetActualTargetToDateAndStatus()
    {
        using var db = new GoalFixture();
        db.Ok("goal", "set", "leads-2025", "--kpi", "leads", "--target", "1200", "--period", "2025");
        db.Ok("goal", "set", "leads-jan", "--kpi", "leads", "--target", "150", "--period", "2025-01");

        var table = db.Ok("goal", "list", "--today", "2025-01-11");

        // leads-jan: 150 x 10/31 = 48.39 due; 31 / 48.39 = 64.1%: off track.
        Assert.Contains("target to date", table, StringComparison.Ordinal);
        Assert.Matches(@"leads-2025 .*│ 2025 .*│\s+1,200 │\s+31 │\s+32 │\s+96\.1% │ on track", table);
        Assert.Matches(@"leads-jan .*│ 2025-01 .*│\s+150 │\s+31 │\s+48 │\s+64\.1% │ off track", table);
    }

    [Fact]
    public void GoalSet_ThreeSubMetrics_SavedWithTheFocusWarning()
    {
        using var db = new GoalFixture();

        var (code, stdout, stderr) = CliProcess.Run(
            db.Path, "goal", "set", "leads-2025", "--kpi", "leads", "--target", "1200", "--period", "2025",
            "--sub-metric", "sessions", "--sub-metric", "visitor_to_lead_rate", "--sub-metric", "mqls", "--today", "2025-01-11");

        Assert.True(code == 0, stderr);
        Assert.Contains("Saved goal 'leads-2025': leads 1,200 in 2025 (2025-01-01..2025-12-31), even split.", stdout, StringComparison.Ordinal);
        Assert.Contains("warning: 3 sub-metrics under leads: focus: one KPI, at most two sub-metrics.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GoalSet_BadInput_ExitsTwoWithEveryReason()
    {
        using var db = new GoalFixture();
        db.Ok("goal", "set", "leads-2025", "--kpi", "leads", "--target", "1200", "--period", "2025");

        var (code, _, stderr) = CliProcess.Run(db.Path, "goal", "set", "bad", "--kpi", "leeds", "--target", "0", "--period", "2025-Q5", "--parent", "nope");
        var self = CliProcess.Run(db.Path, "goal", "set", "leads-2025", "--kpi", "leads", "--target", "1200", "--period", "2025", "--parent", "leads-2025");

        Assert.Equal(2, code);
        Assert.Contains("error: unknown KPI 'leeds'; did you mean leads", stderr, StringComparison.Ordinal);
        Assert.Contains("error: the target must be a number above 0, not 0.", stderr, StringComparison.Ordinal);
        Assert.Contains("error: bad period '2025-Q5'", stderr, StringComparison.Ordinal);
        Assert.Contains("error: unknown parent goal 'nope' (goals: leads-2025).", stderr, StringComparison.Ordinal);
        Assert.Equal(2, self.ExitCode);
        Assert.Contains("error: the goal 'leads-2025' cannot be its own parent.", self.Err, StringComparison.Ordinal);
        Assert.Single(JsonDocument.Parse(db.Ok("goal", "list", "--format", "json")).RootElement.GetProperty("goals").EnumerateArray());
    }

    [Fact]
    public void GoalDelete_ParentWithSubGoals_RefusedUntilTheyAreGone()
    {
        using var db = new GoalFixture();
        db.Ok("goal", "set", "leads-2025", "--kpi", "leads", "--target", "1200", "--period", "2025");
        db.Ok("goal", "set", "leads-q1", "--kpi", "leads", "--target", "300", "--period", "2025-Q1", "--parent", "leads-2025");

        var refused = CliProcess.Run(db.Path, "goal", "delete", "leads-2025");
        db.Ok("goal", "delete", "leads-q1");
        db.Ok("goal", "delete", "leads-2025");
        var again = CliProcess.Run(db.Path, "goal", "delete", "leads-2025");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("has sub-goals (leads-q1)", refused.Err, StringComparison.Ordinal);
        Assert.Equal(2, again.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(db.Ok("goal", "list", "--format", "json")).RootElement.GetProperty("goals").GetArrayLength());
    }

    [Fact]
    public void GoalList_StricterOnTrackSetting_SameGoalIsAtRisk()
    {
        using var db = new GoalFixture();
        db.Ok("goal", "set", "leads-2025", "--kpi", "leads", "--target", "1200", "--period", "2025");
        db.Ok("settings", "set", "pacing_on_track", "0.97");

        var goal = JsonDocument.Parse(db.Ok("goal", "list", "--today", "2025-01-11", "--format", "json")).RootElement.GetProperty("goals")[0];

        // 0.961 < 0.97 but >= 0.85.
        Assert.Equal("at_risk", goal.GetProperty("status").GetString());
    }
}
