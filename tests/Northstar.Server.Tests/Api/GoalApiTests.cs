using Northstar.Core.Accounts;

namespace Northstar.Server.Tests.Api;

/// <summary>PUT, GET and DELETE goals, with pacing numbers worked out by hand.</summary>
public sealed class GoalApiTests : ApiTestBase
{
    private HttpClient _editor = null!;

    private protected override void Arrange() => _editor = World.As("edith", WorkspaceRole.Editor);

    [Fact]
    public async Task PutThenGet_PacesLeadsAgainstTheEvenSplitToDate()
    {
        var body = new { kpi = "leads", target = 8.0, period = "2026-Q1", owner = "ana" };

        var (status, saved, _) = await ApiWorld.SendAsync(_editor, HttpMethod.Put, "goals/leads-q1?today=2026-02-15", body);
        var goal = await ApiWorld.GetJsonAsync(_editor, "goals/leads-q1?today=2026-02-15");

        Assert.Equal(200, status);
        Assert.Equal("leads-q1", saved.GetProperty("id").GetString());
        // As of Feb 15 (the days before it count): January whole, 14 of February's 28 days.
        // Even split: a third a month, so 8 * (1/3 + 1/3 * 14/28) = 4 to date.
        Assert.Equal(4.0, goal.GetProperty("target_to_date").GetDouble(), precision: 9);
        Assert.Equal(3, goal.GetProperty("actual").GetDouble()); // c1 Jan 5, c2 Jan 20, c3 Feb 9
        Assert.Equal(0.75, goal.GetProperty("attainment").GetDouble(), precision: 9); // 3 / 4
        Assert.Equal("off_track", goal.GetProperty("status").GetString()); // below the 0.85 at-risk default
        Assert.Equal(45, goal.GetProperty("days_elapsed").GetInt32()); // 31 + 14
        Assert.Equal(45, goal.GetProperty("days_left").GetInt32()); // 90 - 45
        Assert.Equal(5.0 / 45, goal.GetProperty("required_daily_rate").GetDouble(), precision: 9); // (8 - 3) / 45
        Assert.Equal("2026-03-31", goal.GetProperty("period_end").GetString());
    }

    [Fact]
    public async Task List_HasTheGoalsWithTheAsOfDay()
    {
        await ApiWorld.SendAsync(_editor, HttpMethod.Put, "goals/leads-q1", new { kpi = "leads", target = 8.0, period = "2026-Q1" });

        var list = await ApiWorld.GetJsonAsync(_editor, "goals?today=2026-04-01");

        Assert.Equal("2026-04-01", list.GetProperty("as_of").GetString());
        var goal = Assert.Single(list.GetProperty("goals").EnumerateArray());
        Assert.Equal(4, goal.GetProperty("actual").GetDouble()); // the whole quarter
        Assert.Equal(8, goal.GetProperty("target_to_date").GetDouble()); // the period is over: all of it
    }

    [Fact]
    public async Task Put_BadGoal_Is400WithEveryError_AndNothingSaved()
    {
        var body = new { kpi = "leadz", target = 0.0, period = "2026-Q1" };

        var (status, problem, _) = await ApiWorld.SendAsync(_editor, HttpMethod.Put, "goals/bad", body);

        Assert.Equal(400, status);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.Contains("leadz", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("above 0", StringComparison.Ordinal));
        Assert.Equal(404, (await ApiWorld.SendAsync(_editor, HttpMethod.Get, "goals/bad")).Status);
    }

    [Fact]
    public async Task Delete_ParentWithSubGoal_Is409_ThenBothGo()
    {
        await ApiWorld.SendAsync(_editor, HttpMethod.Put, "goals/leads-q1", new { kpi = "leads", target = 8.0, period = "2026-Q1" });
        await ApiWorld.SendAsync(_editor, HttpMethod.Put, "goals/paid-leads-q1", new { kpi = "leads", target = 4.0, period = "2026-Q1", parent = "leads-q1" });

        var parentFirst = await ApiWorld.SendAsync(_editor, HttpMethod.Delete, "goals/leads-q1");
        var child = await ApiWorld.SendAsync(_editor, HttpMethod.Delete, "goals/paid-leads-q1");
        var parent = await ApiWorld.SendAsync(_editor, HttpMethod.Delete, "goals/leads-q1");

        Assert.Equal(409, parentFirst.Status);
        Assert.Contains("paid-leads-q1", parentFirst.Body.GetProperty("detail").GetString()!, StringComparison.Ordinal);
        Assert.Equal(204, child.Status);
        Assert.Equal(204, parent.Status);
    }

    [Fact]
    public async Task Forecast_OfTheGoalsKpi_UsesItsTargetAndTheActualToDate()
    {
        await ApiWorld.SendAsync(_editor, HttpMethod.Put, "goals/leads-q1", new { kpi = "leads", target = 8.0, period = "2026-Q1" });

        var forecast = await ApiWorld.GetJsonAsync(_editor, "forecasts/leads?period=2026-Q1&today=2026-02-15");

        Assert.Equal(8, forecast.GetProperty("target").GetDouble()); // the goal's
        Assert.Equal(3, forecast.GetProperty("actual").GetDouble()); // c1, c2, c3 before Feb 15
        var (low, expected, high) = (forecast.GetProperty("low80").GetDouble(), forecast.GetProperty("expected").GetDouble(), forecast.GetProperty("high80").GetDouble());
        Assert.True(low <= expected && expected <= high, $"{low} {expected} {high}");
        Assert.True(low >= 3, $"{low}: the period-end count is at least what is known");
        Assert.InRange(forecast.GetProperty("probability_of_target").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task Forecast_NoGoalAndNoTarget_Is400NamingTarget()
    {
        var (status, problem, _) = await ApiWorld.SendAsync(_editor, HttpMethod.Get, "forecasts/leads?period=2026-Q1&today=2026-02-15");

        Assert.Equal(400, status);
        Assert.Equal("target", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Put_MalformedJson_Is400ProblemNotA500()
    {
        using var content = new StringContent("{\"kpi\": \"leads\", \"target\": ", System.Text.Encoding.UTF8, "application/json");

        using var response = await _editor.PutAsync(ApiWorld.Path("goals/broken"), content);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
