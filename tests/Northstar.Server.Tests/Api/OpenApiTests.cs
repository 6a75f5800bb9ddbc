using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Northstar.Server.Tests.Api;

/// <summary>/openapi/v1.json describes every /api route the running server has.</summary>
public sealed partial class OpenApiTests
{
    [Fact]
    public async Task Document_ListsEveryApiRouteWithItsMethods()
    {
        await using var world = await ApiWorld.StartAsync();
        using var client = world.Anonymous();
        var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
        var paths = document.GetProperty("paths");

        var routes = world.Server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: Normalise(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .ToList();

        Assert.Contains(routes, r => r.Path == "/api/workspaces/{workspace}/kpis/{id}"); // the enumeration sees the API's routes
        var missing = routes.Where(r => !paths.TryGetProperty(r.Path, out var item) || !item.TryGetProperty(r.Method, out _)).ToList();
        Assert.True(missing.Count == 0, "not in /openapi/v1.json: " + string.Join(", ", missing.Select(m => $"{m.Method} {m.Path}")));
    }

    [Fact]
    public async Task Document_DescribesProblemsAndSnakeCaseAnswers()
    {
        await using var world = await ApiWorld.StartAsync();
        using var client = world.Anonymous();
        var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;

        var kpi = document.GetProperty("paths").GetProperty("/api/workspaces/{workspace}/kpis/{id}").GetProperty("get");
        Assert.Equal("GetKpi", kpi.GetProperty("operationId").GetString());
        Assert.True(kpi.GetProperty("responses").GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
        var definition = document.GetProperty("components").GetProperty("schemas").GetProperty("KpiDefinition").GetProperty("properties");
        Assert.True(definition.TryGetProperty("is_custom", out _), definition.ToString());
        var goals = document.GetProperty("components").GetProperty("schemas").GetProperty("GoalList").GetProperty("properties");
        Assert.True(goals.TryGetProperty("as_of", out _), goals.ToString()); // the API's own answers too
    }

    /// <summary>"/api/x/{id:long}" as the document writes it: a leading slash, no constraints.</summary>
    private static string Normalise(string raw) => "/" + Constraint().Replace(raw.TrimStart('/'), "{$1}");

    [GeneratedRegex(@"\{([^}:?=]+)[^}]*\}")]
    private static partial Regex Constraint();
}
