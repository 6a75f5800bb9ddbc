using System.Text.Json;
using Northstar.Core.Accounts;

namespace Northstar.Server.Tests.Api;

/// <summary>GET facts: counts and time ranges per kind, counted by hand from <see cref="ApiWorld"/>'s company.</summary>
public sealed class FactApiTests : ApiTestBase
{
    private static readonly string[] AllKinds = ["events", "contacts", "stages", "accounts", "deals", "spend", "subscriptions", "surveys", "series", "activities"];

    private HttpClient _viewer = null!;

    private protected override void Arrange() => _viewer = World.As("vera", WorkspaceRole.Viewer);

    [Fact]
    public async Task Get_Acme_CountsAndRangesPerKind()
    {
        var facts = await ApiWorld.GetJsonAsync(_viewer, "facts");

        Assert.Equal("acme", facts.GetProperty("workspace").GetString());
        var kinds = Kinds(facts);
        Assert.Equal(AllKinds, kinds.Keys);
        // Events: 7 session starts, the earliest c5's on 2025-12-12 10:00, the latest c4's on day 70 (2026-03-11) 09:00.
        AssertKind(kinds["events"], 7, new DateTimeOffset(2025, 12, 12, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero));
        // Stages: 5 leads and 2 customers; earliest c5's lead 2025-12-12 11:00, latest c2 a customer on day 80 (2026-03-21) 09:00.
        AssertKind(kinds["stages"], 7, new DateTimeOffset(2025, 12, 12, 11, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 21, 9, 0, 0, TimeSpan.Zero));
        // Spend: 4 rows, dates only: 2025-12-12 to day 60 (2026-03-01), as midnight UTC.
        AssertKind(kinds["spend"], 4, new DateTimeOffset(2025, 12, 12, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        foreach (var empty in AllKinds.Except(["events", "stages", "spend"]))
        {
            AssertKind(kinds[empty], 0, null, null);
        }
    }

    [Fact]
    public async Task Get_Other_SeesOnlyItsOwnFacts()
    {
        var olga = World.As("olga", WorkspaceRole.Viewer, World.Other);

        var kinds = Kinds(await ApiWorld.GetJsonAsync(olga, "facts", "other"));

        // One session (day 5, 09:00) and one lead (day 5, 10:00): 2026-01-05.
        AssertKind(kinds["events"], 1, new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        AssertKind(kinds["stages"], 1, new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));
        AssertKind(kinds["spend"], 0, null, null);
    }

    [Fact]
    public async Task Get_WithoutCredentials_Is401()
    {
        using var response = await World.Anonymous().GetAsync(ApiWorld.Path("facts"));

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task FactsAnswer_EveryPropertySent_IsInTheSchema()
    {
        var answer = await ApiWorld.GetJsonAsync(_viewer, "facts");
        using var client = World.Anonymous();
        var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
        var schema = document.GetProperty("paths").GetProperty("/api/workspaces/{workspace}/facts").GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");

        var faults = new SchemaCheck(document).Check(answer, schema);

        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    private static Dictionary<string, JsonElement> Kinds(JsonElement facts) =>
        facts.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k);

    private static void AssertKind(JsonElement kind, long count, DateTimeOffset? first, DateTimeOffset? last)
    {
        Assert.Equal(count, kind.GetProperty("count").GetInt64());
        Assert.Equal(first, Time(kind.GetProperty("first")));
        Assert.Equal(last, Time(kind.GetProperty("last")));
    }

    private static DateTimeOffset? Time(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDateTimeOffset();
}
