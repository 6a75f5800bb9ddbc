using System.Text;
using System.Text.Json;
using Northstar.Core.Accounts;

namespace Northstar.Server.Tests.Api;

/// <summary>
/// GET attribution/paths: the journeys as a path table CSV, as attribution --write-paths writes it
/// (paths worked out by hand from <see cref="ApiWorld"/>); POST attribution/paths: models run on a
/// path table sent as the body, as attribution --paths runs them.
/// </summary>
public sealed class PathTableApiTests : ApiTestBase
{
    /// <summary>Two converting paths (email: 100; paid_search then email: 300) and two null journeys of paid_search alone.</summary>
    private const string ThreePaths = "path,total_conversions,total_conversion_value,total_null\nemail,1,100,0\npaid_search > email,1,300,0\npaid_search,0,0,2\n";

    private HttpClient _viewer = null!;

    private protected override void Arrange() => _viewer = World.As("vera", WorkspaceRole.Viewer);

    [Fact]
    public async Task Get_Customers_AllTime_IsThePathTable()
    {
        // c1 (customer day 50) touched paid_search day 5, email day 30, organic_search day 45; c2 (customer day 80) email day 20;
        // no deals, so no value. c3 and c5 (paid_search) and c4 (organic_search) did not convert: null journeys.
        const string expected = """
            path,total_conversions,total_conversion_value,total_null
            email,1,0,0
            organic_search,0,0,1
            paid_search,0,0,2
            paid_search > email > organic_search,1,0,0

            """;

        var (status, type, csv) = await GetAsync("attribution/paths");

        Assert.Equal((200, "text/csv"), (status, type));
        Assert.Equal(expected.ReplaceLineEndings("\n"), csv);
    }

    [Fact]
    public async Task Get_Customers_InQ1_LeavesOutC5WhoseOnlyTouchIsInDecember()
    {
        // The same conversions (both in Q1); non-converting journeys need a touch in the period:
        // c3 (day 40) and c4 (day 70) have one, c5 (2025-12-12) has not.
        const string expected = """
            path,total_conversions,total_conversion_value,total_null
            email,1,0,0
            organic_search,0,0,1
            paid_search,0,0,1
            paid_search > email > organic_search,1,0,0

            """;

        var (status, _, csv) = await GetAsync("attribution/paths?conversion=customer&period=2026-Q1");

        Assert.Equal(200, status);
        Assert.Equal(expected.ReplaceLineEndings("\n"), csv);
    }

    [Fact]
    public async Task Get_LeadsInJanuary_OneTouchEach()
    {
        // Leads in January: c1 (day 5, after paid_search at 09:00) and c2 (day 20, after email at 09:00); nobody else touched in January.
        var (status, _, csv) = await GetAsync("attribution/paths?conversion=lead&period=2026-01");

        Assert.Equal(200, status);
        Assert.Equal("path,total_conversions,total_conversion_value,total_null\nemail,1,0,0\npaid_search,1,0,0\n", csv);
    }

    [Fact]
    public async Task Get_BadConversion_Is400NamingIt()
    {
        var (status, _, body) = await GetAsync("attribution/paths?conversion=teleport");

        Assert.Equal(400, status);
        Assert.Contains("conversion", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Linear_CreditsWorkedOutByHand()
    {
        var (status, answer) = await PostAsync("attribution/paths?model=linear&fileName=mine.csv", ThreePaths);

        Assert.Equal(200, status);
        Assert.Equal("mine.csv", answer.GetProperty("scope").GetProperty("source").GetString());
        var credits = answer.GetProperty("credits");
        // email: 1 (alone) + 1/2 (of paid_search > email); value 100 + 300/2. paid_search: 1/2 and 150.
        Assert.Equal(2, credits.GetProperty("conversions").GetDouble());
        var rows = Rows(credits);
        Assert.Equal((1.5, 250.0), rows["email"]);
        Assert.Equal((0.5, 150.0), rows["paid_search"]);
    }

    [Fact]
    public async Task Post_CompareFirstLast_EachModelsCredits()
    {
        var (status, answer) = await PostAsync("attribution/paths?compare=first,last", ThreePaths);

        Assert.Equal(200, status);
        var tables = answer.GetProperty("comparison").GetProperty("tables").EnumerateArray().ToList();
        Assert.Equal(["first", "last"], tables.Select(t => t.GetProperty("model").GetString()));
        Assert.Equal((1.0, 300.0), Rows(tables[0])["paid_search"]); // first touch of paid_search > email
        Assert.Equal((1.0, 100.0), Rows(tables[0])["email"]);
        Assert.Equal((2.0, 400.0), Rows(tables[1])["email"]); // last touch of both converting paths
        Assert.False(Rows(tables[1]).TryGetValue("paid_search", out var none) && none.Conversions != 0);
    }

    [Fact]
    public async Task GetThenPost_GivesTheStoresCredits()
    {
        var (_, _, csv) = await GetAsync("attribution/paths");

        var (status, fromPaths) = await PostAsync("attribution/paths?model=linear", csv);
        var fromStore = await ApiWorld.GetJsonAsync(_viewer, "attribution?model=linear");

        Assert.Equal(200, status);
        Assert.Equal(Rows(fromStore.GetProperty("credits")), Rows(fromPaths.GetProperty("credits")));
        // By hand: c1's three touches a third each, c2's email whole.
        Assert.Equal(1.0 + (1.0 / 3), Rows(fromPaths.GetProperty("credits"))["email"].Conversions, precision: 9);
    }

    [Fact]
    public async Task Post_TwoBadRows_Is400ListingBoth()
    {
        const string bad = "path,total_conversions,total_conversion_value,total_null\nemail,x,0,0\npaid_search,1,0,0\norganic_search,1,lots,0\n";

        var (status, problem) = await PostAsync("attribution/paths?fileName=bad.csv", bad);

        Assert.Equal(400, status);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([2, 4], errors.Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal(["total_conversions", "total_conversion_value"], errors.Select(e => e.GetProperty("column").GetString()));
        Assert.All(errors, e => Assert.Equal("bad.csv", e.GetProperty("file").GetString()));
    }

    [Fact]
    public async Task Post_ModelNeedingTouchTimes_Is400()
    {
        var (status, problem) = await PostAsync("attribution/paths?model=time_decay", ThreePaths);

        Assert.Equal(400, status);
        Assert.Equal("model", problem.GetProperty("parameter").GetString());
    }

    private static Dictionary<string, (double Conversions, double Value)> Rows(JsonElement table) =>
        table.GetProperty("rows").EnumerateArray().ToDictionary(
            r => r.GetProperty("key").GetString()!, r => (r.GetProperty("conversions").GetDouble(), r.GetProperty("value").GetDouble()));

    private async Task<(int Status, JsonElement Body)> PostAsync(string route, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await _viewer.PostAsync(ApiWorld.Path(route), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length > 0, $"{(int)response.StatusCode} with an empty body");
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<(int Status, string? MediaType, string Body)> GetAsync(string route)
    {
        using var response = await _viewer.GetAsync(ApiWorld.Path(route));
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }
}
