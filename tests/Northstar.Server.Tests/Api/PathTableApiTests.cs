using Northstar.Core.Accounts;

namespace Northstar.Server.Tests.Api;

/// <summary>GET attribution/paths: the journeys as a path table CSV, as attribution --write-paths writes it; paths worked out by hand from <see cref="ApiWorld"/>.</summary>
public sealed class PathTableApiTests : ApiTestBase
{
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

    private async Task<(int Status, string? MediaType, string Body)> GetAsync(string route)
    {
        using var response = await _viewer.GetAsync(ApiWorld.Path(route));
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }
}
