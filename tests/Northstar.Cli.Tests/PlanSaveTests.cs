using System.Text.Json;

namespace Northstar.Cli.Tests;

/// <summary>
/// <c>plan --save</c>, <c>plan show</c>, <c>plan clear</c> and <c>report quarterly</c> holding the quarter
/// against the saved plan, run as real processes; each test works on its own copy of a two-year demo company.
/// </summary>
public sealed class PlanSaveTests(ReportQuarterlyTests.TwoYearCompany demo) : IClassFixture<ReportQuarterlyTests.TwoYearCompany>
{
    // The worked example with MQLs -> SQLs typed as 23% so the report's planned rate cannot come from anywhere else.
    private static readonly string[] SavePlan =
        ["plan", "--revenue", "10000000", "--deal-size", "1100000", "--rates", "1.5%,20%,23%,40%,50%", "--period", "2026", "--save"];

    [Fact]
    public void Report_SavedPlanCoversTheQuarter_FunnelHeldAgainstTheTypedRates()
    {
        using var copy = Copy();
        Run(copy, SavePlan);

        var report = Report(copy, "--period", "2026-Q2");

        var funnel = report.GetProperty("funnel");
        var plan = funnel.GetProperty("plan");
        Assert.StartsWith("plan 2026 saved ", plan.GetProperty("source").GetString(), StringComparison.Ordinal);
        var sqls = funnel.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "sqls");
        Assert.Equal(0.23, sqls.GetProperty("planned_rate").GetDouble());
        // A quarter of the year's sessions: 10,000,000 / 1,100,000 customers / (1.5% x 20% x 23% x 40% x 50%) / 4.
        var sessions = 10_000_000.0 / 1_100_000.0 / (0.015 * 0.20 * 0.23 * 0.40 * 0.50) / 4;
        Assert.Equal(16_469.04, sessions, precision: 2);
        Assert.Equal(sessions, plan.GetProperty("sessions").GetDouble(), precision: 6);
        Assert.Contains(Notes(report), n => n.StartsWith("The funnel is held against the saved plan 2026 saved ", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_PlanHistory_IgnoresTheSavedPlan()
    {
        using var copy = Copy();
        Run(copy, SavePlan);

        var report = Report(copy, "--period", "2026-Q2", "--plan", "history");

        Assert.StartsWith("history", report.GetProperty("funnel").GetProperty("plan").GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Contains("--plan history: the saved plan, if any, is not used.", Notes(report));
    }

    [Fact]
    public void Report_QuarterOutsideTheSavedPlan_UsesHistoryAndSaysWhy()
    {
        using var copy = Copy();
        Run(copy, SavePlan);

        var report = Report(copy, "--period", "2025-Q4");

        Assert.StartsWith("history", report.GetProperty("funnel").GetProperty("plan").GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Contains(Notes(report), n => n.Contains("covers 2026-01-01..2026-12-31, not all of 2025-Q4", StringComparison.Ordinal));
    }

    [Fact]
    public void ShowAndClear_SaveTwiceThenClear_ShowsTheLastThenNone()
    {
        using var copy = Copy();
        Run(copy, SavePlan);
        var (_, second, _) = Run(copy, "plan", "--revenue", "5000000", "--deal-size", "1000000", "--rates", "2%,20%,25%,40%,50%", "--period", "2026-Q2", "--save");

        var shown = JsonDocument.Parse(Run(copy, "plan", "show", "--format", "json").Out).RootElement;
        var (clearCode, cleared, _) = CliProcess.Run(copy.Path, "plan", "clear");
        var (showCode, _, showErr) = CliProcess.Run(copy.Path, "plan", "show");
        var report = Report(copy, "--period", "2026-Q2");

        Assert.Contains("replacing the one before", second, StringComparison.Ordinal);
        Assert.Equal("2026-Q2", shown.GetProperty("period").GetString());
        Assert.Equal(5_000_000m, shown.GetProperty("revenue_goal").GetDecimal());
        Assert.Equal(0.25, shown.GetProperty("rates")[2].GetProperty("rate").GetDouble());
        Assert.Equal("typed", shown.GetProperty("rates")[2].GetProperty("source").GetProperty("kind").GetString());
        // 5,000,000 / 1,000,000 = 5 customers in the plan's one quarter.
        Assert.Equal(5, shown.GetProperty("quarters")[0].GetProperty("counts").GetProperty("customers").GetDouble(), precision: 10);
        Assert.Equal(0, clearCode);
        Assert.Contains("Removed the saved plan", cleared, StringComparison.Ordinal);
        Assert.Equal(1, showCode);
        Assert.Contains("has no saved plan", showErr, StringComparison.Ordinal);
        Assert.StartsWith("history", report.GetProperty("funnel").GetProperty("plan").GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Show_Table_PrintsThePlanAndWhenItWasSaved()
    {
        using var copy = Copy();
        Run(copy, SavePlan);

        var (_, stdout, _) = Run(copy, "plan", "show");

        Assert.Contains("Reverse-funnel plan 2026", stdout, StringComparison.Ordinal);
        Assert.Contains("Note: Saved ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsSet_PlanKey_IsRefusedAndTheSavedPlanStays()
    {
        using var copy = Copy();
        Run(copy, SavePlan);

        var (code, _, stderr) = CliProcess.Run(copy.Path, "settings", "set", "plan", "{}");
        var (showCode, _, _) = CliProcess.Run(copy.Path, "plan", "show", "--format", "json");

        Assert.Equal(2, code);
        Assert.Contains("unknown setting 'plan'", stderr, StringComparison.Ordinal);
        Assert.Equal(0, showCode);
    }

    private static (int Code, string Out, string Err) Run(TempDirectory dir, params string[] args)
    {
        var result = CliProcess.Run(dir.Path, args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)} failed: {result.Err}");
        return result;
    }

    private static JsonElement Report(TempDirectory dir, params string[] args) =>
        JsonDocument.Parse(Run(dir, ["report", "quarterly", "--today", "2026-05-16", "--format", "json", .. args]).Out).RootElement;

    private static List<string> Notes(JsonElement report) =>
        [.. report.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!)];

    /// <summary>A private copy of the demo company's database, so saving a plan does not leak into other tests.</summary>
    private TempDirectory Copy()
    {
        var copy = new TempDirectory();
        foreach (var file in Directory.GetFiles(demo.Path, "northstar.db*"))
        {
            File.Copy(file, copy.File(Path.GetFileName(file)));
        }

        return copy;
    }
}
