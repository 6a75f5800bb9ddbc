using System.Net;
using System.Text.Json;
using Northstar.Core.Accounts;

namespace Northstar.Server.Tests.Api;

/// <summary>GET kpis and kpis/{id}: the numbers of <see cref="ApiWorld"/>'s company worked out by hand.</summary>
public sealed class KpiApiTests : ApiTestBase
{
    private HttpClient _viewer = null!;

    private protected override void Arrange() => _viewer = World.As("vera", WorkspaceRole.Viewer);

    [Fact]
    public async Task Kpi_LeadsByMonth_MatchesHandCountsAndPreviousQuarter()
    {
        var result = await ApiWorld.GetJsonAsync(_viewer, "kpis/leads?period=2026-Q1");

        var row = result.GetProperty("rows")[0];
        Assert.Equal([2.0, 1.0, 1.0], row.GetProperty("values").EnumerateArray().Select(v => v.GetDouble())); // c1 c2 | c3 | c4
        Assert.Equal(4, row.GetProperty("total").GetDouble());
        var change = row.GetProperty("change");
        Assert.Equal(1, change.GetProperty("previous").GetDouble()); // c5, December
        Assert.Equal(3, change.GetProperty("absolute").GetDouble());
        Assert.Equal(3.0, change.GetProperty("relative").GetDouble()); // (4 - 1) / 1
    }

    [Fact]
    public async Task Kpi_DefaultPeriod_IsTheLastCompleteQuarter()
    {
        var result = await ApiWorld.GetJsonAsync(_viewer, "kpis/leads?grain=total");

        Assert.Equal(4, result.GetProperty("rows")[0].GetProperty("total").GetDouble()); // today 2026-04-15: 2026-Q1
    }

    [Fact]
    public async Task Kpi_CacByChannel_IsAcquisitionSpendOverCustomers()
    {
        var result = await ApiWorld.GetJsonAsync(_viewer, "kpis/cac?period=2026-Q1&grain=total&by=channel");

        Assert.Equal((1000 + 500) / 2.0, result.GetProperty("overall").GetProperty("total").GetDouble()); // service spend excluded
        var byChannel = result.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("group").GetString()!, r => r.GetProperty("total"));
        Assert.Equal(1000, byChannel["paid_search"].GetDouble()); // 1,000 media / c1
        Assert.Equal(500, byChannel["email"].GetDouble()); // 500 creative / c2
    }

    [Fact]
    public async Task Kpi_RepeatedFilters_AllHold()
    {
        var paid = await ApiWorld.GetJsonAsync(_viewer, "kpis/leads?period=2026-Q1&grain=total&filter=channel=paid_search");
        var notEmail = await ApiWorld.GetJsonAsync(_viewer, "kpis/leads?period=2026-Q1&grain=total&filter=channel!=email&filter=channel!=organic_search");

        Assert.Equal(2, paid.GetProperty("rows")[0].GetProperty("total").GetDouble()); // c1, c3
        Assert.Equal(2, notEmail.GetProperty("rows")[0].GetProperty("total").GetDouble()); // c1, c3 again: both filters hold
    }

    [Fact]
    public async Task Kpi_CompareLastYear_ComparesWithTheSameQuarterBefore()
    {
        var result = await ApiWorld.GetJsonAsync(_viewer, "kpis/spend?period=2026-Q1&grain=total&compare=last-year");

        var row = result.GetProperty("rows")[0];
        Assert.Equal(2200, row.GetProperty("total").GetDouble()); // 1,000 + 500 + 700, every kind
        Assert.Equal(0, row.GetProperty("change").GetProperty("previous").GetDouble()); // nothing in 2025-Q1 (the 300 was December)
    }

    [Fact]
    public async Task Kpis_Catalogue_ListsBuiltInKpisWithSnakeCaseFields()
    {
        var list = await ApiWorld.GetJsonAsync(_viewer, "kpis");

        var leads = list.EnumerateArray().Single(k => k.GetProperty("id").GetString() == "leads");
        Assert.Equal("count", leads.GetProperty("unit").GetString());
        Assert.False(leads.GetProperty("is_custom").GetBoolean());
    }

    [Fact]
    public async Task Kpi_OtherWorkspace_SeesOnlyItsOwnFactsAndNotAcme()
    {
        var olga = World.As("olga", WorkspaceRole.Viewer, World.Other);

        var own = await ApiWorld.GetJsonAsync(olga, "kpis/leads?period=2026-Q1&grain=total", "other");
        var (status, problem, _) = await ApiWorld.SendAsync(olga, HttpMethod.Get, "kpis/leads?period=2026-Q1");

        Assert.Equal(1, Total(own)); // o1 only, none of acme's four
        Assert.Equal(404, status); // acme, named in the path, is invisible to olga
        Assert.Equal("No such workspace", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("kpis/leadz", 404, "id", "leadz")]
    [InlineData("kpis/leads?period=2026-Q5", 400, "period", "2026-Q5")]
    [InlineData("kpis/leads?by=planet", 400, "by", "planet")]
    [InlineData("kpis/leads?filter=channel", 400, "filter", "dimension=value")]
    [InlineData("kpis/leads?filter=planet=mars", 400, "filter", "planet")]
    [InlineData("kpis/leads?grain=fortnight", 400, "grain", "fortnight")]
    [InlineData("kpis/leads?compare=yesterday", 400, "compare", "yesterday")]
    public async Task Kpi_BadInput_IsAProblemNamingTheParameter(string route, int expectedStatus, string parameter, string quoted)
    {
        var (status, problem, mediaType) = await ApiWorld.SendAsync(_viewer, HttpMethod.Get, route);

        Assert.Equal(expectedStatus, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(expectedStatus, problem.GetProperty("status").GetInt32());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith(parameter + ":", detail, StringComparison.Ordinal);
        Assert.Contains(quoted, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_BadPeriod_GivesThePositionAndTheAcceptedForms()
    {
        var (status, problem, _) = await ApiWorld.SendAsync(_viewer, HttpMethod.Get, "kpis/leads?period=2026-Q5");

        Assert.Equal(400, status);
        Assert.Equal("period", problem.GetProperty("parameter").GetString());
        Assert.Equal("2026-Q5", problem.GetProperty("text").GetString());
        Assert.Equal(6, problem.GetProperty("position").GetInt32()); // the quarter digit: "2026-Q" is 6 characters
        Assert.Contains("2025-Q3", problem.GetProperty("detail").GetString()!, StringComparison.Ordinal); // the accepted forms are named
    }

    [Fact]
    public async Task Kpi_NotSignedIn_Is401()
    {
        using var response = await World.Anonymous().GetAsync(ApiWorld.Path("kpis/leads"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Kpi_DimensionTheKpiDoesNotCarry_Is400NotA500()
    {
        var (status, problem, _) = await ApiWorld.SendAsync(_viewer, HttpMethod.Get, "kpis/spend?by=segment");

        Assert.Equal(400, status);
        Assert.StartsWith("by:", problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    internal static double Total(JsonElement result) => result.GetProperty("rows")[0].GetProperty("total").GetDouble();
}
