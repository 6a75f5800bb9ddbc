using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Northstar.Core.Accounts;
using Northstar.Core.Facts;

namespace Northstar.Server.Tests.Api;

/// <summary>GET/PUT channels/rules and GET channels/classify, checked as the CLI's channels show, set and classify.</summary>
public sealed class ChannelApiTests : ApiTestBase
{
    private const string TwoRules = """
        [
          {"channel": "partners", "source": "^partner", "medium": "^referral$"},
          {"channel": "search_ads", "source": "^google$", "medium": "cpc", "campaign": null}
        ]
        """;

    private HttpClient _admin = null!;
    private HttpClient _viewer = null!;

    private protected override void Arrange()
    {
        _admin = World.As("adam", WorkspaceRole.Admin);
        _viewer = World.As("vera", WorkspaceRole.Viewer);
    }

    [Fact]
    public async Task Put_ThenGet_RoundTripsTheRules()
    {
        var (status, saved) = await PutAsync(_admin, TwoRules);
        var read = await ApiWorld.GetJsonAsync(_viewer, "channels/rules");

        Assert.Equal(200, status);
        Assert.Equal(saved.GetRawText(), read.GetRawText());
        Assert.Equal(2, read.GetArrayLength());
        AssertRule(read[0], "partners", "^partner", "^referral$", null);
        AssertRule(read[1], "search_ads", "^google$", "cpc", null); // a null pattern is left out, as channels show prints it
    }

    [Fact]
    public async Task Get_NoRules_IsAnEmptyArray()
    {
        var read = await ApiWorld.GetJsonAsync(_viewer, "channels/rules");

        Assert.Equal(JsonValueKind.Array, read.ValueKind);
        Assert.Equal(0, read.GetArrayLength());
    }

    [Fact]
    public async Task Put_TwoBadRules_Is400ListingBoth_AndKeepsTheOldRules()
    {
        await PutAsync(_admin, TwoRules);
        const string bad = """[{"channel": "", "source": "^a"}, {"channel": "x", "medium": "(cpc"}]""";

        var (status, problem) = await PutAsync(_admin, bad);
        var read = await ApiWorld.GetJsonAsync(_admin, "channels/rules");

        Assert.Equal(400, status);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("rule 1 (index 0), channel: is empty", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("rule 2 (index 1), medium: invalid regular expression at offset 4", errors[1], StringComparison.Ordinal); // "(cpc" ends unclosed after 4 characters
        var positions = problem.GetProperty("rule_errors");
        Assert.Equal((0, "channel"), (positions[0].GetProperty("index").GetInt32(), positions[0].GetProperty("field").GetString()));
        Assert.Equal((1, "medium"), (positions[1].GetProperty("index").GetInt32(), positions[1].GetProperty("field").GetString()));
        Assert.Equal(2, read.GetArrayLength());
    }

    [Fact]
    public async Task Put_BadJson_Is400WithLineAndPosition()
    {
        // Line 2 holds {"channel": "x", "source": } : the '}' where a value belongs is its 28th byte.
        var (status, problem) = await PutAsync(_admin, "[\n{\"channel\": \"x\", \"source\": }\n]");

        Assert.Equal(400, status);
        var error = problem.GetProperty("rule_errors")[0];
        Assert.Equal(2, error.GetProperty("line").GetInt64());
        Assert.Equal(28, error.GetProperty("position").GetInt64());
        Assert.StartsWith("line 2, position 28: invalid JSON", problem.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_OverOneMebibyte_Is413()
    {
        // A valid rules document padded with spaces to one byte over 1 MiB (1,048,576 bytes).
        var rules = """[{"channel": "partners", "source": "^partner"}]""";
        var (status, _) = await PutAsync(_admin, rules + new string(' ', (1 << 20) + 1 - rules.Length));
        var (justUnder, _) = await PutAsync(_admin, rules + new string(' ', (1 << 20) - rules.Length));

        Assert.Equal(413, status);
        Assert.Equal(200, justUnder);
    }

    [Fact]
    public async Task Put_AsViewer_Is403_AndNothingChanges()
    {
        var (status, _) = await PutAsync(_viewer, TwoRules);
        var read = await ApiWorld.GetJsonAsync(_viewer, "channels/rules");

        Assert.Equal(403, status);
        Assert.Equal(0, read.GetArrayLength());
    }

    [Fact]
    public async Task Classify_GoogleCpc_IsPaidSearchByDefault_ThenTheRulesChannelAfterAPut()
    {
        var before = await ApiWorld.GetJsonAsync(_viewer, "channels/classify?source=google&medium=cpc");
        await PutAsync(_admin, TwoRules);
        var after = await ApiWorld.GetJsonAsync(_viewer, "channels/classify?source=google&medium=cpc");
        var untouched = await ApiWorld.GetJsonAsync(_viewer, "channels/classify?source=bing&medium=cpc");

        Assert.Equal(("paid_search", "default"), (before.GetProperty("channel").GetString(), before.GetProperty("matched_by").GetString()));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("rule_index").ValueKind);
        Assert.Equal(("search_ads", "rule", 1), (after.GetProperty("channel").GetString(), after.GetProperty("matched_by").GetString(), after.GetProperty("rule_index").GetInt32()));
        Assert.Equal("^google$", after.GetProperty("rule").GetProperty("source").GetString());
        Assert.Equal(("paid_search", "default"), (untouched.GetProperty("channel").GetString(), untouched.GetProperty("matched_by").GetString()));
    }

    [Fact]
    public async Task Classify_ReferrerOnly_TheReferrerDecides()
    {
        // No source or medium: the referrer's host stands in as the source with medium referral.
        var search = await ApiWorld.GetJsonAsync(_viewer, "channels/classify?referrer=" + Uri.EscapeDataString("https://www.google.com/search?q=x"));
        var none = await ApiWorld.GetJsonAsync(_viewer, "channels/classify");
        await PutAsync(_admin, """[{"channel": "partners", "source": "^partner\\.example$", "medium": "^referral$"}]""");
        var partner = await ApiWorld.GetJsonAsync(_viewer, "channels/classify?referrer=" + Uri.EscapeDataString("https://partner.example/deal"));

        Assert.Equal("organic_search", search.GetProperty("channel").GetString());
        Assert.Equal("direct", none.GetProperty("channel").GetString());
        Assert.Equal(("partners", 0), (partner.GetProperty("channel").GetString(), partner.GetProperty("rule_index").GetInt32()));
    }

    [Fact]
    public async Task Rules_AreThePutWorkspacesOnly()
    {
        var olga = World.As("olga", WorkspaceRole.Viewer, World.Other);
        await PutAsync(_admin, TwoRules);

        var own = await ApiWorld.GetJsonAsync(olga, "channels/rules", "other");
        var classified = await ApiWorld.GetJsonAsync(olga, "channels/classify?source=google&medium=cpc", "other");
        using var acme = await olga.GetAsync(ApiWorld.Path("channels/rules"));

        Assert.Equal(0, own.GetArrayLength());
        Assert.Equal("paid_search", classified.GetProperty("channel").GetString());
        Assert.Equal(404, (int)acme.StatusCode);
    }

    [Fact]
    public async Task Put_AppliesToRowsImportedAfter_StoredFactsKeepTheirChannel()
    {
        await ImportAsync("n0,2026-04-01T10:00:00Z,session_start,c9,google,cpc");
        await PutAsync(_admin, TwoRules);
        await ImportAsync("n1,2026-04-02T10:00:00Z,session_start,c9,google,cpc");

        var channels = World.Store.Read<EventFact>(World.Acme).Where(e => e.Id.StartsWith('n')).ToDictionary(e => e.Id, e => e.Channel);

        Assert.Equal("paid_search", channels["n0"]); // imported before the rules: not reclassified
        Assert.Equal("search_ads", channels["n1"]);
    }

    [Fact]
    public async Task ClassifyAnswer_EveryPropertySent_IsInTheSchema()
    {
        await PutAsync(_admin, TwoRules);
        var answer = await ApiWorld.GetJsonAsync(_viewer, "channels/classify?source=google&medium=cpc");
        using var client = World.Anonymous();
        var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
        var schema = document.GetProperty("paths").GetProperty("/api/workspaces/{workspace}/channels/classify").GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");

        var faults = new SchemaCheck(document).Check(answer, schema);

        Assert.Equal(JsonValueKind.Object, answer.GetProperty("rule").ValueKind); // the nested rule is in the answer checked
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    private async Task ImportAsync(string row)
    {
        using var content = new StringContent("id,timestamp,type,contact_id,source,medium\n" + row + "\n", Encoding.UTF8, "text/csv");
        using var response = await _admin.PostAsync(ApiWorld.Path("imports/events"), content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void AssertRule(JsonElement rule, string channel, string? source, string? medium, string? campaign)
    {
        Assert.Equal(channel, rule.GetProperty("channel").GetString());
        foreach (var (name, value) in new[] { ("source", source), ("medium", medium), ("campaign", campaign) })
        {
            Assert.Equal(value, rule.TryGetProperty(name, out var got) ? got.GetString() : null);
            Assert.Equal(value is not null, rule.TryGetProperty(name, out _));
        }
    }

    private static async Task<(int Status, JsonElement Body)> PutAsync(HttpClient client, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PutAsync(ApiWorld.Path("channels/rules"), content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
