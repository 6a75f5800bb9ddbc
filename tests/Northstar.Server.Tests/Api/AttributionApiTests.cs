using System.Text.Json;
using Northstar.Core.Accounts;

namespace Northstar.Server.Tests.Api;

/// <summary>
/// attribution on <see cref="ApiWorld"/>'s two customers: c1 touched paid_search (day 5), email
/// (day 30), organic_search (day 45) before converting on day 50; c2 only email (day 20) before
/// day 80. Credits by hand for each model.
/// </summary>
public sealed class AttributionApiTests : ApiTestBase
{
    private HttpClient _viewer = null!;

    private protected override void Arrange() => _viewer = World.As("vera", WorkspaceRole.Viewer);

    [Theory]
    [InlineData("first", 1.0, 1.0, 0.0)] // c1 -> paid_search, c2 -> email
    [InlineData("last", 0.0, 1.0, 1.0)] // c1 -> organic_search, c2 -> email
    [InlineData("linear", 1.0 / 3, 4.0 / 3, 1.0 / 3)] // c1 a third each; c2 all to email
    public async Task Credits_ThreeTouchJourney_MatchHandCredits(string model, double paidSearch, double email, double organicSearch)
    {
        var result = await ApiWorld.GetJsonAsync(_viewer, $"attribution?model={model}&conversion=customer");

        var credits = result.GetProperty("credits");
        Assert.Equal(2, credits.GetProperty("conversions").GetDouble());
        var rows = Rows(credits);
        Assert.Equal(paidSearch, rows.GetValueOrDefault("paid_search"), precision: 9);
        Assert.Equal(email, rows.GetValueOrDefault("email"), precision: 9);
        Assert.Equal(organicSearch, rows.GetValueOrDefault("organic_search"), precision: 9);
        Assert.Equal(2, rows.Values.Sum(), precision: 9); // credits add up to the conversions
    }

    [Fact]
    public async Task Compare_ListsEachModel()
    {
        var result = await ApiWorld.GetJsonAsync(_viewer, "attribution?compare=first,last,linear&period=2026-Q1");

        var tables = result.GetProperty("comparison").GetProperty("tables").EnumerateArray().ToList();
        Assert.Equal(["first", "last", "linear"], tables.Select(t => t.GetProperty("model").GetString()));
        Assert.Equal(1.0, Rows(tables[1])["organic_search"], precision: 9);
        Assert.StartsWith("2026-Q1", result.GetProperty("scope").GetProperty("period").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_PipelineInfluenceEconomics_Answer()
    {
        foreach (var route in new[] { "attribution/pipeline", "attribution/influence?model=first", "attribution/economics?model=linear&period=2026-Q1" })
        {
            var result = await ApiWorld.GetJsonAsync(_viewer, route);
            Assert.True(result.TryGetProperty("scope", out _), route);
        }
    }

    [Theory]
    [InlineData("attribution?model=magic", "model")]
    [InlineData("attribution?compare=first,magic", "compare")]
    [InlineData("attribution?conversion=wedding", "conversion")]
    [InlineData("attribution?order=4", "order")]
    [InlineData("attribution?by=planet", "by")]
    [InlineData("attribution/economics?period=2026-Q9", "period")]
    public async Task BadInput_Is400NamingTheParameter(string route, string parameter)
    {
        var (status, problem, _) = await ApiWorld.SendAsync(_viewer, HttpMethod.Get, route);

        Assert.Equal(400, status);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    private static Dictionary<string, double> Rows(JsonElement table) =>
        table.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("conversions").GetDouble());
}
