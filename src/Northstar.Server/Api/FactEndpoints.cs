using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Northstar.Core.Storage;
using Northstar.Server.Hosting;

namespace Northstar.Server.Api;

/// <summary><c>facts</c>: what the workspace holds, per kind: count and time range (<c>northstar facts</c>).</summary>
internal static class FactEndpoints
{
    public static void MapFactEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("facts", Get)
            .WithName("GetFacts")
            .WithSummary("Counts and first / last timestamps of the stored facts, per kind (every kind, zero counts included), as facts --format json. Date-only kinds (spend, series) give midnight UTC.")
            .Produces<FactsAnswer>();
    }

    private static IResult Get(HttpContext http, IFactStore store)
    {
        var workspace = http.GetWorkspace().Workspace;
        var summary = store.Summarize(workspace);
        return ApiJson.Ok(new FactsAnswer(workspace.Name, [.. summary.Kinds.Select(k => new FactKindCount(k.Kind, k.Count, k.First, k.Last))]));
    }
}
