using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Northstar.Core.Accounts;
using Northstar.Core.Facts;
using Northstar.Server.Tests.Api;
using Northstar.Testing.Builders;

namespace Northstar.Server.Tests.Hosting;

/// <summary>
/// The JSON API and the dashboard answer from one kept engine per workspace: after facts arrive or
/// a custom KPI is redefined between two requests, the second request of each sees the change,
/// and both give the same number. <see cref="ApiWorld"/>'s 2026-Q1 has four leads (c1-c4).
/// </summary>
public sealed class SharedEngineTests : ApiTestBase
{
    private HttpClient _api = null!;
    private HttpClient _page = null!;

    private protected override void Arrange()
    {
        _api = World.As("edith", WorkspaceRole.Editor);
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        _page = new HttpClient(handler, disposeHandler: true) { BaseAddress = World.Server.Address };
    }

    [Fact]
    public async Task ApiAndPage_FactsArriveBetweenRequests_BothSeeTheNewLead()
    {
        await LogInAsync();
        var apiBefore = await ApiTotalAsync("leads");
        var pageBefore = await PageTotalAsync("leads");

        // c6 becomes a lead on day 15 (2026-01-15): written to the store as an import would.
        using (var session = World.Store.BeginWrite(World.Acme))
        {
            var conflicts = new List<int>();
            session.Write<StageChange>([new StageChangeBuilder("c6").EnteredAt(BuilderTime.At(15, 10)).Build()], conflicts);
            session.Commit();
            Assert.Empty(conflicts);
        }

        var apiAfter = await ApiTotalAsync("leads");
        var pageAfter = await PageTotalAsync("leads");

        Assert.Equal((4.0, 4.0), (apiBefore, pageBefore)); // c1, c2, c3, c4
        Assert.Equal((5.0, 5.0), (apiAfter, pageAfter)); // and c6
    }

    [Fact]
    public async Task ApiAndPage_CustomKpiRedefined_BothUseTheNewFormula()
    {
        await LogInAsync();
        await DefineAsync("leads * 2");
        var apiBefore = await ApiTotalAsync("twice");
        var pageBefore = await PageTotalAsync("twice");

        await DefineAsync("leads * 3");
        var pageAfter = await PageTotalAsync("twice"); // the page first this time: it must not keep the old engine
        var apiAfter = await ApiTotalAsync("twice");

        Assert.Equal((8.0, 8.0), (apiBefore, pageBefore)); // 4 leads * 2
        Assert.Equal((12.0, 12.0), (apiAfter, pageAfter)); // 4 leads * 3
    }

    private async Task LogInAsync()
    {
        using var login = await _page.PostAsJsonAsync("/api/login", new { name = "edith", password = "edith-password-long" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    private async Task DefineAsync(string formula)
    {
        var body = new { formula, name = "Twice", unit = "count", direction = "up" };
        var (status, _, _) = await ApiWorld.SendAsync(_api, HttpMethod.Put, "custom-kpis/twice", body);
        Assert.Equal(200, status);
    }

    private async Task<double> ApiTotalAsync(string kpi) =>
        KpiApiTests.Total(await ApiWorld.GetJsonAsync(_api, $"kpis/{kpi}?period=2026-Q1&grain=total"));

    /// <summary>The KPI explorer's table exported as CSV: the "total" cell of the KPI's row.</summary>
    private async Task<double> PageTotalAsync(string kpi)
    {
        using var response = await _page.GetAsync(new Uri($"/w/acme/explorer?handler=csv&table=result&kpi={kpi}&period=2026-Q1&grain=total", UriKind.Relative));
        var csv = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {csv}");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var total = Array.IndexOf(lines[0].Split(','), "total");
        var row = lines.Skip(1).Select(l => l.Split(',')).Single(cells => cells[0] == kpi);
        return double.Parse(row[total], CultureInfo.InvariantCulture);
    }
}
