using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Queries;
using Northstar.Server.Hosting;

namespace Northstar.Server.Api;

/// <summary><c>kpis</c>: the catalogue and any KPI query the CLI's <c>kpi</c> command can ask.</summary>
internal static class KpiEndpoints
{
    public static void MapKpiEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("kpis", List)
            .WithName("ListKpis").WithSummary("Every KPI of the workspace, built-in then custom (as kpi list --format json).")
            .Produces<IReadOnlyList<KpiDefinition>>();
        api.MapGet("kpis/{id}", Get)
            .WithName("GetKpi")
            .WithSummary("One KPI over a period by bucket, broken down and filtered, against a comparison period (as kpi <id> --format json). "
                + "period: 2025-Q3, 2025-07, FY2026-Q1, last-30-days, ... (default last-quarter); grain: total, day, week, month (default), quarter, year; "
                + "by: a dimension; filter (repeatable): channel=paid_search, channel!=email, channel=a,b; compare: previous (default), last-year, none.")
            .Produces<KpiResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult List(HttpContext http, WorkspaceEngines engines) =>
        ApiJson.Ok(engines.For(http.GetWorkspace().Workspace).Kpis);

    private static IResult Get(
        string id, string? period, string? grain, string? by, string[]? filter, string? compare, HttpContext http, WorkspaceEngines engines)
    {
        var engine = engines.For(http.GetWorkspace().Workspace);
        if (engine.Find(id) is null)
        {
            return ApiProblems.NotFound("KPI", $"id: there is no KPI '{id}' in this workspace (GET kpis lists them).");
        }

        if (KpiQueryInput.ReadGrain(grain) is not { } bucket)
        {
            return ApiProblems.BadParameter("grain", $"'{grain}' is not a grain (accepted: {string.Join(", ", Enum.GetNames<Grain>().Select(n => n.ToLowerInvariant()))})");
        }

        var input = new KpiQueryInput(id) { Period = period, Grain = bucket, By = by, Filters = filter ?? [], Compare = compare };
        var (query, problem) = input.Read(engine);
        if (query is null)
        {
            return ApiProblems.From(problem!);
        }

        try
        {
            return ApiJson.Ok(engine.Run(query));
        }
        catch (MetricQueryException e)
        {
            // The KPI does not carry the dimension asked for (by or a filter's).
            return ApiProblems.BadParameter(by is not null ? "by" : "filter", e.Message.TrimEnd('.'));
        }
    }
}
