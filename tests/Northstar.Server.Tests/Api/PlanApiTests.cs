using Northstar.Core.Accounts;

namespace Northstar.Server.Tests.Api;

/// <summary>POST, PUT, GET and DELETE plan: a reverse funnel from typed-in inputs, checked by hand.</summary>
public sealed class PlanApiTests : ApiTestBase
{
    private static readonly object Request = new { revenue = 1_000_000m, deal_size = 50_000m, rates = "2%,25%,40%,50%,50%", period = "2026" };

    private HttpClient _editor = null!;

    private protected override void Arrange() => _editor = World.As("edith", WorkspaceRole.Editor);

    [Fact]
    public async Task Post_TypedInputs_WorksTheFunnelBackwards()
    {
        var (status, plan, _) = await ApiWorld.SendAsync(_editor, HttpMethod.Post, "plan", Request);

        Assert.Equal(200, status);
        var total = plan.GetProperty("total");
        Assert.Equal(20, total.GetProperty("customers").GetDouble(), precision: 9); // 1,000,000 / 50,000
        Assert.Equal(40, total.GetProperty("opportunities").GetDouble(), precision: 9); // 20 / 50%
        Assert.Equal(80, total.GetProperty("sqls").GetDouble(), precision: 9); // 40 / 50%
        Assert.Equal(200, total.GetProperty("mqls").GetDouble(), precision: 9); // 80 / 40%
        Assert.Equal(800, total.GetProperty("leads").GetDouble(), precision: 9); // 200 / 25%
        Assert.Equal(40_000, total.GetProperty("sessions").GetDouble(), precision: 6); // 800 / 2%
        var q1 = plan.GetProperty("quarters")[0];
        Assert.Equal(5, q1.GetProperty("counts").GetProperty("customers").GetDouble(), precision: 9); // even split: a quarter of 20
        Assert.Equal(404, (await ApiWorld.SendAsync(_editor, HttpMethod.Get, "plan")).Status); // POST saves nothing
    }

    [Fact]
    public async Task Put_SavesIt_GetReturnsIt_DeleteRemovesIt()
    {
        var saved = await ApiWorld.SendAsync(_editor, HttpMethod.Put, "plan", Request);
        var read = await ApiWorld.GetJsonAsync(_editor, "plan");
        var deleted = await ApiWorld.SendAsync(_editor, HttpMethod.Delete, "plan");
        var gone = await ApiWorld.SendAsync(_editor, HttpMethod.Get, "plan");

        Assert.Equal(200, saved.Status);
        Assert.Equal(20, read.GetProperty("total").GetProperty("customers").GetDouble(), precision: 9);
        Assert.Equal(1_000_000, read.GetProperty("revenue_goal").GetDouble());
        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, gone.Status);
    }

    [Theory]
    [InlineData("2%,25%,40%,50%", "rates", "expected 5 rates")]
    [InlineData("2%,25%,forty,50%,50%", "rates", "forty")]
    public async Task Post_BadRates_Is400NamingRates(string rates, string parameter, string expected)
    {
        var (status, problem, _) = await ApiWorld.SendAsync(_editor, HttpMethod.Post, "plan", new { revenue = 1_000_000m, deal_size = 50_000m, rates, period = "2026" });

        Assert.Equal(400, status);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(expected, problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_AsViewer_Is403()
    {
        var viewer = World.As("vera", WorkspaceRole.Viewer);

        Assert.Equal(403, (await ApiWorld.SendAsync(viewer, HttpMethod.Put, "plan", Request)).Status);
    }
}
