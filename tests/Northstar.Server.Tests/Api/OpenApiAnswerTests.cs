using System.Text.Json;
using Northstar.Core.Accounts;

namespace Northstar.Server.Tests.Api;

/// <summary>
/// /openapi/v1.json describes what the plan and attribution routes really send: every property of
/// a real answer (nested ones included) is in the route's 200 schema, and every enum value sent
/// is one the schema lists (the snake_case names, not numbers).
/// </summary>
public sealed class OpenApiAnswerTests : ApiTestBase
{
    private static readonly object PlanRequest = new { revenue = 1_000_000m, deal_size = 50_000m, rates = "2%,25%,40%,50%,50%", period = "2026", by_channel = true, forward_sessions = 100.0 };

    private HttpClient _editor = null!;

    private protected override void Arrange() => _editor = World.As("edith", WorkspaceRole.Editor);

    [Theory]
    [InlineData("attribution?model=first&period=2026-Q1")]
    [InlineData("attribution?compare=first,last,linear")]
    [InlineData("attribution/pipeline")]
    [InlineData("attribution/influence?model=first")]
    [InlineData("attribution/economics?model=linear&period=2026-Q1")]
    public async Task AttributionAnswer_EveryPropertySent_IsInTheSchema(string route)
    {
        var answer = await ApiWorld.GetJsonAsync(_editor, route);
        var document = await DocumentAsync();

        var faults = new SchemaCheck(document).Check(answer, ResponseSchema(document, "/api/workspaces/{workspace}/" + route.Split('?')[0], "get"));

        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public async Task PlanAnswers_EveryPropertySent_IsInTheSchema()
    {
        var posted = await ApiWorld.SendAsync(_editor, HttpMethod.Post, "plan", PlanRequest);
        var saved = await ApiWorld.SendAsync(_editor, HttpMethod.Put, "plan", PlanRequest);
        var read = await ApiWorld.GetJsonAsync(_editor, "plan");
        var document = await DocumentAsync();
        var check = new SchemaCheck(document);

        Assert.Equal((200, 200), (posted.Status, saved.Status));
        Assert.Equal(JsonValueKind.Object, posted.Body.GetProperty("forward").ValueKind); // the optional parts are in the answer checked
        var faults = check.Check(posted.Body, ResponseSchema(document, "/api/workspaces/{workspace}/plan", "post"))
            .Concat(check.Check(saved.Body, ResponseSchema(document, "/api/workspaces/{workspace}/plan", "put")))
            .Concat(check.Check(read, ResponseSchema(document, "/api/workspaces/{workspace}/plan", "get"))).ToList();
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public void SchemaCheck_EmptySchema_IsAFault()
    {
        using var document = JsonDocument.Parse("""{"components": {"schemas": {}}}""");
        using var answer = JsonDocument.Parse("""{"scope": {"source": "store"}}""");
        using var empty = JsonDocument.Parse("{}");

        Assert.Single(new SchemaCheck(document.RootElement).Check(answer.RootElement, empty.RootElement)); // what "object" gave
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = World.Anonymous();
        return JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement.Clone();
    }

    private static JsonElement ResponseSchema(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method)
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
}
