using System.Text.Json;
using Northstar.Core.Accounts;

namespace Northstar.Server.Tests.Api;

/// <summary>reports/review and reports/quarterly on the small company of <see cref="ApiWorld"/>.</summary>
public sealed class ReportApiTests : ApiTestBase
{
    private HttpClient _viewer = null!;

    private protected override void Arrange() => _viewer = World.As("vera", WorkspaceRole.Viewer);

    [Fact]
    public async Task Review_HasTheTwelveHeadlineKpisByMonth()
    {
        var review = await ApiWorld.GetJsonAsync(_viewer, "reports/review?period=2026-Q1");

        Assert.Equal("2026-Q1", review.GetProperty("period").GetString());
        Assert.Equal("2025-Q4", review.GetProperty("previous_period").GetString());
        Assert.Equal(3, review.GetProperty("months").GetArrayLength());
        var rows = review.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("kpi").GetString()!);
        Assert.Equal(12, rows.Count);
        Assert.Equal([2.0, 1.0, 1.0], Months(rows["leads"])); // c1 c2 | c3 | c4
        Assert.Equal([0.0, 1.0, 1.0], Months(rows["customers"])); // c1 Feb 19, c2 Mar 21
        Assert.Equal(2200, rows["spend"].GetProperty("total").GetDouble()); // 1,000 + 500 + 700
        Assert.Equal(750, rows["cac"].GetProperty("total").GetDouble()); // (1,000 + 500) / 2: service spend is not acquisition
    }

    [Fact]
    public async Task Review_NotAQuarter_Is400()
    {
        var (status, problem, _) = await ApiWorld.SendAsync(_viewer, HttpMethod.Get, "reports/review?period=2026");

        Assert.Equal(400, status);
        Assert.Contains("covers a quarter", problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quarterly_HasTheGoalWithItsPacingAndTheFunnel()
    {
        var editor = World.As("edith", WorkspaceRole.Editor);
        await ApiWorld.SendAsync(editor, HttpMethod.Put, "goals/leads-q1", new { kpi = "leads", target = 8.0, period = "2026-Q1" });

        var report = await ApiWorld.GetJsonAsync(_viewer, "reports/quarterly?period=2026-Q1&today=2026-04-15&plan=history");

        Assert.Equal("2026-Q1", report.GetProperty("quarter").GetProperty("label").GetString());
        var goal = Assert.Single(report.GetProperty("goals").EnumerateArray()).GetProperty("pacing");
        Assert.Equal(4, goal.GetProperty("actual").GetDouble()); // the quarter's four leads
        Assert.Equal(0.5, goal.GetProperty("attainment").GetDouble(), precision: 9); // 4 of 8, the quarter over
        Assert.Contains(report.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("history", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quarterly_BadToday_Is400NamingToday()
    {
        var (status, problem, _) = await ApiWorld.SendAsync(_viewer, HttpMethod.Get, "reports/quarterly?period=2026-Q1&today=15.04.2026");

        Assert.Equal(400, status);
        Assert.Equal("today", problem.GetProperty("parameter").GetString());
    }

    private static double[] Months(JsonElement row) => [.. row.GetProperty("months").EnumerateArray().Select(v => v.GetDouble())];
}
