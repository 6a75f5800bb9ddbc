using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Accounts;
using Northstar.Core.Facts;
using Northstar.Server.Hosting;
using Northstar.Testing.Builders;

namespace Northstar.Server.Tests.Api;

/// <summary>
/// The attribution routes answer from the journeys <see cref="WorkspaceEngines"/> keeps: observed by
/// its count of journey builds (no timing). On <see cref="ApiWorld"/>: customers c1 (day 50; touched
/// paid_search day 5, email day 30, organic_search day 45) and c2 (day 80; email day 20); leads c1-c4
/// in 2026-Q1 and c5 on 2025-12-12 (each after a session the same day).
/// </summary>
public sealed class AttributionCacheApiTests : ApiTestBase
{
    private HttpClient _viewer = null!;

    private WorkspaceEngines Engines => World.Server.App.Services.GetRequiredService<WorkspaceEngines>();

    private protected override void Arrange() => _viewer = World.As("vera", WorkspaceRole.Viewer);

    [Theory]
    [InlineData("attribution?model=first&conversion=customer")]
    [InlineData("attribution?compare=first,last&period=2026-Q1")]
    [InlineData("attribution/pipeline")]
    [InlineData("attribution/influence?model=first")]
    [InlineData("attribution/economics?model=linear&period=2026-Q1")]
    [InlineData("attribution/paths?conversion=lead")]
    public async Task SecondIdenticalRequest_BuildsNothing_AndAnswersTheSameBytes(string route)
    {
        var before = Engines.JourneyBuilds;
        var first = await GetTextAsync(route);
        var second = await GetTextAsync(route);

        Assert.Equal(before + 1, Engines.JourneyBuilds); // influence and economics: both goals in one build
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task RequestAfterFactsArrive_BuildsAgain_AndSeesTheNewCustomer()
    {
        var before = await CreditsAsync("attribution?model=first&conversion=customer");
        using (var session = World.Store.BeginWrite(World.Acme))
        {
            var conflicts = new List<int>();
            session.Write<StageChange>([new StageChangeBuilder("c3").Stage(Stage.Customer).EnteredAt(90, 9).Build()], conflicts);
            session.Commit();
            Assert.Empty(conflicts);
        }

        var builds = Engines.JourneyBuilds;
        var after = await CreditsAsync("attribution?model=first&conversion=customer");

        Assert.Equal(builds + 1, Engines.JourneyBuilds);
        Assert.Equal(2, before.Conversions);
        Assert.Equal(1.0, before.Rows["paid_search"], precision: 9); // c1's first touch
        Assert.Equal(3, after.Conversions); // c3 (paid_search on day 40, 50 days before) joins
        Assert.Equal(2.0, after.Rows["paid_search"], precision: 9);
        Assert.Equal(1.0, after.Rows["email"], precision: 9); // c2
    }

    [Fact]
    public async Task DifferentGoalOrPeriod_IsADifferentEntry_WithItsOwnAnswer()
    {
        var builds = Engines.JourneyBuilds;
        var customers = await CreditsAsync("attribution?model=first&conversion=customer");
        var leads = await CreditsAsync("attribution?model=first&conversion=lead");
        var quarter = await CreditsAsync("attribution?model=first&conversion=lead&period=2026-Q1");
        var december = await CreditsAsync("attribution?model=first&conversion=lead&period=2025-Q4");
        Assert.Equal(builds + 4, Engines.JourneyBuilds);
        var again = await CreditsAsync("attribution?model=first&conversion=customer");

        Assert.Equal(builds + 4, Engines.JourneyBuilds);
        Assert.Equal(2, customers.Conversions);
        Assert.Equal(customers.Rows, again.Rows);
        Assert.Equal(5, leads.Conversions); // c1-c5, each after its own session
        Assert.Equal(3.0, leads.Rows["paid_search"], precision: 9); // c1, c3, c5
        Assert.Equal(4, quarter.Conversions); // c5 was in 2025
        Assert.Equal(2.0, quarter.Rows["paid_search"], precision: 9); // c1, c3
        Assert.Equal(1, december.Conversions);
        Assert.Equal(1.0, december.Rows["paid_search"], precision: 9); // c5
    }

    [Fact]
    public async Task LookbackSettingChange_IsADifferentEntry()
    {
        var admin = World.As("adam", WorkspaceRole.Admin);
        var before = await CreditsAsync("attribution?model=first&conversion=customer");
        Assert.Equal(200, (await ApiWorld.SendAsync(admin, HttpMethod.Put, "settings/attribution_lookback_days", new { value = "10" })).Status);
        var builds = Engines.JourneyBuilds;
        var after = await CreditsAsync("attribution?model=first&conversion=customer");

        Assert.Equal(builds + 1, Engines.JourneyBuilds);
        Assert.Equal(2, before.Conversions);
        Assert.Equal(1, after.Conversions); // c2's one touch is 60 days before: untouched
        Assert.Equal(1.0, after.Rows["organic_search"], precision: 9); // c1's only touch within 10 days (day 45)
        Assert.False(after.Rows.ContainsKey("paid_search"));
    }

    private async Task<string> GetTextAsync(string route)
    {
        using var response = await _viewer.GetAsync(ApiWorld.Path(route));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {route}: {(int)response.StatusCode} {body}");
        return body;
    }

    private async Task<(double Conversions, Dictionary<string, double> Rows)> CreditsAsync(string route)
    {
        var credits = (await ApiWorld.GetJsonAsync(_viewer, route)).GetProperty("credits");
        return (credits.GetProperty("conversions").GetDouble(),
            credits.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("conversions").GetDouble()));
    }
}
