using System.Text.Json;

namespace Northstar.Cli.Tests;

/// <summary><c>northstar report quarterly</c> on a two-year demo company (2025-2026) with two goals, run as a real process.</summary>
public sealed class ReportQuarterlyTests : IClassFixture<ReportQuarterlyTests.TwoYearCompany>
{
    private readonly TwoYearCompany _demo;

    public ReportQuarterlyTests(TwoYearCompany demo) => _demo = demo;

    [Fact]
    public void Json_MidQuarter_GoalActualMatchesTheKpiAndTheTargetIsProRatedByDay()
    {
        var (code, stdout, stderr) = Report("--format", "json");

        Assert.True(code == 0, stderr);
        var report = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("2026-05-16", report.GetProperty("as_of").GetString());
        var goal = report.GetProperty("goals").EnumerateArray().Single(g => g.GetProperty("pacing").GetProperty("goal").GetProperty("id").GetString() == "leads-q2");
        var pacing = goal.GetProperty("pacing");
        var kpi = CliProcess.Run(_demo.Path, "kpi", "leads", "--period", "2026-04-01..2026-05-15", "--grain", "total", "--compare", "none", "--format", "json");
        var leads = JsonDocument.Parse(kpi.Out).RootElement.GetProperty("rows")[0].GetProperty("total").GetDouble();
        Assert.Equal(leads, pacing.GetProperty("actual").GetDouble());
        // Even split: April whole (1/3 of 300) and 15 of May's 31 days (1/3 x 15/31 of 300).
        Assert.Equal((300.0 / 3) + (300.0 / 3 * 15 / 31), pacing.GetProperty("target_to_date").GetDouble(), 9);
        var forecast = goal.GetProperty("forecast");
        Assert.True(forecast.GetProperty("low80").GetDouble() <= forecast.GetProperty("expected").GetDouble());
        Assert.True(forecast.GetProperty("expected").GetDouble() >= leads, "the quarter's leads can only grow from the actual to date");
        Assert.Equal(6, report.GetProperty("funnel").GetProperty("stages").GetArrayLength());
    }

    [Fact]
    public void Table_HasEverySection()
    {
        var (code, stdout, stderr) = Report();

        Assert.True(code == 0, stderr);
        foreach (var part in new[] { "Quarterly report 2026-Q2", "Goals", "leads-q2", "Funnel against plan", "Focus next quarter", "Alerts" })
        {
            Assert.Contains(part, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Markdown_HasHeadingsAndTables()
    {
        var (code, stdout, stderr) = Report("--format", "md");

        Assert.True(code == 0, stderr);
        Assert.Contains("## Goals", stdout, StringComparison.Ordinal);
        Assert.Contains("| Goal | KPI | Period | Target |", stdout, StringComparison.Ordinal);
        Assert.Contains("## Funnel against plan", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_IsOnePageWithTheFunnelChart()
    {
        var (code, stdout, stderr) = Report("--format", "html");

        Assert.True(code == 0, stderr);
        Assert.StartsWith("<!DOCTYPE html>", stdout, StringComparison.Ordinal);
        Assert.Contains("<h2>Funnel against plan</h2>", stdout, StringComparison.Ordinal);
        Assert.Equal(2, stdout.Split("<svg").Length - 1); // goals' attainment and the funnel
        Assert.EndsWith("</html>", stdout.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void PeriodNotAQuarter_ExitsWithTwo()
    {
        var (code, _, stderr) = CliProcess.Run(_demo.Path, "report", "quarterly", "--period", "2026", "--today", "2026-05-16");

        Assert.Equal(2, code);
        Assert.Contains("covers a quarter", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void QuarterNotStarted_ExitsWithTwoAndSaysSo()
    {
        var (code, _, stderr) = CliProcess.Run(_demo.Path, "report", "quarterly", "--period", "2026-Q3", "--today", "2026-05-16");

        Assert.Equal(2, code);
        Assert.Contains("nothing to report", stderr, StringComparison.Ordinal);
    }

    private (int Code, string Out, string Err) Report(params string[] extra) =>
        CliProcess.Run(_demo.Path, ["report", "quarterly", "--period", "2026-Q2", "--today", "2026-05-16", .. extra]);

    /// <summary>300 contacts over 2025-2026, a quarterly leads goal and a yearly customers goal.</summary>
    public sealed class TwoYearCompany : IDisposable
    {
        private readonly TempDirectory _dir = new();

        public TwoYearCompany()
        {
            Run("demo", "--contacts", "300", "--years", "2", "--start", "2025-01-01", "--format", "json");
            Run("goal", "set", "leads-q2", "--kpi", "leads", "--target", "300", "--period", "2026-Q2", "--owner", "Ana", "--today", "2026-05-16");
            Run("goal", "set", "customers-2026", "--kpi", "customers", "--target", "40", "--period", "2026", "--today", "2026-05-16");
        }

        public string Path => _dir.Path;

        public void Dispose() => _dir.Dispose();

        private void Run(params string[] args)
        {
            var (code, _, err) = CliProcess.Run(_dir.Path, args);
            Assert.True(code == 0, $"{string.Join(' ', args)} failed: {err}");
        }
    }
}
