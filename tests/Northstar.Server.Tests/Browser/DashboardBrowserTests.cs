using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Northstar.Core.Goals;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;
using Northstar.Server.Pages.Dashboard;
using Northstar.Server.Tests.Dashboard;
using Northstar.Storage.Sqlite;
using Northstar.Testing;

namespace Northstar.Server.Tests.Browser;

/// <summary>The dashboard in a real browser (Debian's Chromium) against a real server and SQLite file.</summary>
public sealed class DashboardBrowserTests(DashboardSite site) : IClassFixture<DashboardSite>
{
    private static readonly string[] Pages = ["", "/funnel", "/channels", "/attribution", "/goals", "/explorer", "/data"];

    [Fact]
    public async Task Overview_LoggedIn_CardsEqualAnEngineOfTheirOwn()
    {
        var page = await site.LogInAsync("ada");
        await page.GotoAsync("/w/demo?view=month&period=2026-09");
        await DashboardSite.ScreenshotAsync(page, "overview-month");

        var shown = await CardValues(page);
        var expected = EngineTotals(Period.Month(2026, 9).Range);
        Assert.Equal(OverviewBuilder.Headline.Count, shown.Count);
        foreach (var (kpi, value) in shown)
        {
            AssertSame(expected[kpi], value, kpi);
        }

        Assert.True(shown["sessions"] > 0, "the demo company has sessions in 2026-09");
        foreach (var (kpi, value) in shown)
        {
            AssertSame(await ApiTotal(page, kpi, "2026-09"), value, kpi + " (API)");
        }
        Assert.Equal("2026-09", await page.TextContentAsync("[data-testid=period]"));
    }

    [Fact]
    public async Task Login_FromTheRoot_LandsOnTheFirstWorkspaceAndLogsOut()
    {
        var page = await site.LogInAsync("ada");
        Assert.EndsWith("/w/demo", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        await page.ClickAsync("form.logout button");
        await page.WaitForURLAsync(u => u.Contains("/login", StringComparison.Ordinal));
        await page.GotoAsync("/w/demo/funnel");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongPassword_StaysWithAMessage()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.Server.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/w/tiny/goals");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        await page.FillAsync("input[name=Name]", "ada");
        await page.FillAsync("input[name=Password]", "not-the-password");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("Wrong user name or password", await page.TextContentAsync(".login .errors"), StringComparison.Ordinal);

        await page.FillAsync("input[name=Password]", DashboardSite.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("/w/tiny/goals", StringComparison.Ordinal));
        await DashboardSite.ScreenshotAsync(page, "goals-tiny");
    }

    [Fact]
    public async Task Overview_SwitchToQuarter_ShowsTheQuarterHoldingTheMonth()
    {
        var page = await site.LogInAsync("ada");
        await page.GotoAsync("/w/demo?view=month&period=2026-08");
        await page.ClickAsync("[data-testid=view-quarter]");
        await page.WaitForURLAsync(u => u.Contains("view=quarter", StringComparison.Ordinal));
        await DashboardSite.ScreenshotAsync(page, "overview-quarter");

        Assert.Equal("2026-Q3", await page.TextContentAsync("[data-testid=period]"));
        var shown = await CardValues(page);
        var expected = EngineTotals(Period.Quarter(2026, 3).Range);
        foreach (var (kpi, value) in shown)
        {
            AssertSame(expected[kpi], value, kpi);
        }

        Assert.Equal(await page.Locator("canvas.spark").CountAsync(), await page.Locator("canvas.spark[data-drawn=true]").CountAsync());
    }

    [Fact]
    public async Task Overview_TinyWorkspace_SpendIsTheHandSum()
    {
        var page = await site.LogInAsync("ada");
        await page.GotoAsync("/w/tiny?period=2025-09");

        // 100 + 250.50 + 49.50 (DashboardStore.TinySpend).
        var shown = await CardValues(page);
        Assert.Equal(400, shown["spend"]);
        Assert.Equal("400", await page.TextContentAsync("[data-kpi=spend] .value"));
    }

    [Fact]
    public async Task Explorer_OpenKpiFromCard_ShowsItsTable()
    {
        var page = await site.LogInAsync("ada");
        await page.GotoAsync("/w/demo?view=quarter&period=2026-Q3");
        await page.ClickAsync("[data-kpi=leads] h3 a");
        await page.WaitForURLAsync(u => u.Contains("/explorer", StringComparison.Ordinal));
        await DashboardSite.ScreenshotAsync(page, "explorer");

        var title = await page.TextContentAsync("#table-result h2");
        Assert.Contains("2026-Q3", title, StringComparison.Ordinal);
        var total = await page.Locator("#table-result tbody tr").First.Locator("td").Nth(4).TextContentAsync();
        Assert.Equal(Fmt.Value(EngineTotals(Period.Quarter(2026, 3).Range)["leads"], KpiUnit.Count), total);
    }

    [Fact]
    public async Task Explorer_YearByQuarterAndBadPeriod_TableOrFaultWithCaret()
    {
        var page = await site.LogInAsync("ada");
        await page.GotoAsync("/w/demo/explorer?kpi=sessions&period=2026&grain=quarter&by=channel");
        var header = await page.Locator("#table-result thead th").AllTextContentsAsync();
        Assert.Equal(["channel", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "total", "previous (2025)", "change"], header);
        var all = page.Locator("#table-result tbody tr", new PageLocatorOptions { HasText = "all" }).Last.Locator("td").Nth(5);
        Assert.Equal(Fmt.Value(EngineTotals(Period.Year(2026).Range)["sessions"], KpiUnit.Count), await all.TextContentAsync());

        await page.GotoAsync("/w/demo/explorer?kpi=sessions&period=2026-Q5");
        var error = await page.TextContentAsync(".errors");
        Assert.Contains("2026-Q5", error, StringComparison.Ordinal);
        Assert.Contains("^", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_PostingAGoalAnyway_Is403()
    {
        var page = await site.LogInAsync("bob");
        await page.GotoAsync("/w/other/goals");
        var token = await page.GetAttributeAsync("form.logout input[name=__RequestVerificationToken]", "value");
        var response = await page.APIRequest.PostAsync("/w/other/goals?handler=Set", new APIRequestContextOptions
        {
            Form = FormWith(page, ("__RequestVerificationToken", token!), ("Set.Id", "sneaky"), ("Set.Kpi", "leads"), ("Set.Target", "5"), ("Set.Period", "2026")),
        });

        Assert.Equal(403, response.Status);
        Assert.Null(site.Server.App.Services.GetRequiredService<IGoalStore>().GetGoal(site.Server.Store.FindWorkspace("other")!, "sneaky"));
    }

    [Fact]
    public async Task Explorer_DefineCustomKpi_SavesItOrShowsTheFault()
    {
        var page = await site.LogInAsync("ada");
        await page.GotoAsync("/w/demo/explorer?period=2026-Q3");
        await page.FillAsync("input[name='Define.Id']", "spend_per_lead_x");
        await page.FillAsync("input[name='Define.Formula']", "spend / lead");
        await page.SelectOptionAsync("select[name='Define.Unit']", "money");
        await page.ClickAsync("#define button[type=submit]");
        var error = await page.TextContentAsync("#define .errors");
        Assert.Contains("^", error, StringComparison.Ordinal);

        await page.FillAsync("input[name='Define.Formula']", "spend / leads");
        await page.ClickAsync("#define button[type=submit]");
        Assert.Contains("spend_per_lead_x", await page.TextContentAsync("#define .ok"), StringComparison.Ordinal);
        await page.GotoAsync("/w/demo/explorer?kpi=spend_per_lead_x&period=2026-Q3");
        await DashboardSite.ScreenshotAsync(page, "explorer-custom");
        Assert.Contains("2026-Q3", await page.TextContentAsync("#table-result h2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Goals_SetGoal_AppearsWithItsPacing()
    {
        var page = await site.LogInAsync("ada");
        await page.GotoAsync("/w/demo/goals");
        await page.FillAsync("input[name='Set.Id']", "leads-2026");
        await page.FillAsync("input[name='Set.Kpi']", "leads");
        await page.FillAsync("input[name='Set.Target']", "1000");
        await page.FillAsync("input[name='Set.Period']", "2026");
        await page.ClickAsync("#set-goal button[type=submit]");
        await DashboardSite.ScreenshotAsync(page, "goals");

        var row = page.Locator("#table-goals tbody tr", new PageLocatorOptions { HasText = "leads-2026" });
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal("1,000", await row.Locator("td").Nth(3).TextContentAsync());
        Assert.Equal(Fmt.Value(EngineTotals(Period.Year(2026).Range)["leads"], KpiUnit.Count), await row.Locator("td").Nth(4).TextContentAsync());
    }

    [Fact]
    public async Task ExportCsv_WriteKeyNamedAsFormula_IsNeutralised()
    {
        var page = await site.LogInAsync("ada");
        await page.GotoAsync("/w/tiny/data");
        await page.FillAsync("input[name=KeyName]", "=HYPERLINK(\"http://evil\",\"x\")");
        await page.ClickAsync("#keys form button[type=submit]");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#table-write-keys a.export"));
        var text = await File.ReadAllTextAsync(await download.PathAsync());

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name,key,created,revoked", lines[0]);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_ImportWithBadRow_ListedAndExportedNeutralised()
    {
        var page = await site.LogInAsync("ada");
        await page.GotoAsync("/w/tiny/data");
        await DashboardSite.ScreenshotAsync(page, "data-imports");

        Assert.Contains("spend.csv", await page.TextContentAsync("#table-imports tbody"), StringComparison.Ordinal);
        Assert.Equal("@SUM(A1:A9) is not an amount", await page.Locator("#table-bad-rows tbody td").Nth(3).TextContentAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#table-bad-rows a.export"));
        var lines = (await File.ReadAllTextAsync(await download.PathAsync())).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["file,line,column,reason", "spend.csv,4,amount,'@SUM(A1:A9) is not an amount"], lines);
    }

    [Fact]
    public async Task Data_AdminCreatesAndRevokesAKey_TheTrackingApiFollows()
    {
        var page = await site.LogInAsync("ada");
        await page.GotoAsync("/w/demo/data");
        await page.FillAsync("input[name=KeyName]", "website-test");
        await page.ClickAsync("#keys form button[type=submit]");
        var row = page.Locator("#table-write-keys tbody tr", new PageLocatorOptions { HasText = "website-test" });
        var key = await row.Locator("td").Nth(1).TextContentAsync();
        Assert.Contains(key!, await page.TextContentAsync("#snippet"), StringComparison.Ordinal);
        Assert.Equal(200, (await Track(page, key!)).Status);

        await page.Locator("#keys form", new PageLocatorOptions { HasText = "website-test" }).Locator("button").ClickAsync();
        Assert.NotEqual("", await page.Locator("#table-write-keys tbody tr", new PageLocatorOptions { HasText = "website-test" }).Locator("td").Nth(3).TextContentAsync());
        Assert.Equal(401, (await Track(page, key!)).Status);
    }

    private static async Task<IAPIResponse> Track(IPage page, string key)
    {
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key + ":"));
        return await page.APIRequest.PostAsync("/v1/track", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Basic " + basic, ["Content-Type"] = "application/json" },
            Data = "{\"userId\":\"u1\",\"event\":\"Signed Up\"}",
        });
    }

    [Fact]
    public async Task Viewer_SeesNoEditingForms()
    {
        var page = await site.LogInAsync("bob");
        await page.GotoAsync("/w/other/goals");
        Assert.Equal(0, await page.Locator("#set-goal form").CountAsync());
        await page.GotoAsync("/w/other/explorer");
        Assert.Equal(0, await page.Locator("#define form").CountAsync());
        await page.GotoAsync("/w/other/data");
        Assert.Equal(0, await page.Locator("#keys").CountAsync());
    }

    [Fact]
    public async Task EveryPage_OfAnotherWorkspace_Is404()
    {
        var page = await site.LogInAsync("bob");
        foreach (var path in Pages)
        {
            foreach (var workspace in new[] { "demo", "tiny", "no-such-workspace" })
            {
                var response = await page.GotoAsync($"/w/{workspace}{path}");
                Assert.Equal(404, response!.Status);
            }

            var own = await page.GotoAsync($"/w/other{path}");
            Assert.Equal(200, own!.Status);
        }

        var csv = await page.GotoAsync("/w/demo/data?handler=Csv&table=write-keys");
        Assert.Equal(404, csv!.Status);
    }

    [Fact]
    public async Task EveryPage_OwnWorkspace_RendersAndIsSaved()
    {
        var page = await site.LogInAsync("ada");
        foreach (var path in Pages)
        {
            var response = await page.GotoAsync($"/w/demo{path}?view=quarter&period=2026-Q3");
            Assert.Equal(200, response!.Status);
            Assert.Equal(0, await page.Locator("canvas[data-error]").CountAsync());
            await DashboardSite.ScreenshotAsync(page, "page-" + (path.Length == 0 ? "overview" : path.TrimStart('/')));
        }

        Assert.Equal(1, await page.GotoAsync("/w/demo/funnel?view=quarter&period=2026-Q3").ContinueWith(_ => page.Locator("#table-stages tr.highlight").CountAsync()).Unwrap());
    }

    private static IFormData FormWith(IPage page, params (string Name, string Value)[] fields)
    {
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }

    private static async Task<Dictionary<string, double?>> CardValues(IPage page)
    {
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var card in await page.Locator("article.card").AllAsync())
        {
            var kpi = await card.GetAttributeAsync("data-kpi");
            var raw = await card.Locator(".value").GetAttributeAsync("data-value");
            values[kpi!] = string.IsNullOrEmpty(raw) ? null : double.Parse(raw, CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>The KPI's total from the JSON API (<c>GET /api/workspaces/demo/kpis/{id}</c>), with the page's cookie.</summary>
    private static async Task<double?> ApiTotal(IPage page, string kpi, string period)
    {
        var response = await page.APIRequest.GetAsync($"/api/workspaces/demo/kpis/{kpi}?period={period}&grain=total&compare=none");
        Assert.Equal(200, response.Status);
        using var json = JsonDocument.Parse(await response.TextAsync());
        var total = json.RootElement.GetProperty("rows")[0].GetProperty("total");
        return total.ValueKind == JsonValueKind.Null ? null : total.GetDouble();
    }

    /// <summary>The headline KPIs' totals from an engine of the test's own over the same file.</summary>
    private Dictionary<string, double?> EngineTotals(DateRange range)
    {
        using var store = SqliteFactStore.Open(site.DbPath);
        var engine = new MetricsEngine(store, store.FindWorkspace("demo")!, time: new ManualClock(DashboardStore.Now));
        return OverviewBuilder.Headline.Concat(["leads"]).Distinct()
            .ToDictionary(k => k, k => engine.Run(new MetricQuery(k, range)).Rows[0].Total, StringComparer.Ordinal);
    }

    private static void AssertSame(double? expected, double? actual, string kpi)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"{kpi}: expected no value, the page shows {actual}");
            return;
        }

        Assert.True(actual is not null, $"{kpi}: the page shows no value, expected {expected}");
        Assert.Equal(expected.Value, actual!.Value, precision: 9);
    }
}
