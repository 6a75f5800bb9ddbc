using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Attribution.Reports;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Queries;
using Northstar.Core.Metrics.Periods;
using Northstar.Core.Storage;
using Northstar.Server.Hosting;

namespace Northstar.Server.Api;

/// <summary>
/// <c>attribution/paths</c>: the store's journeys as a path table CSV
/// (<c>path,total_conversions,total_conversion_value,total_null</c>), as <c>attribution --write-paths</c>
/// writes it, for other attribution tools (and <c>attribution --paths</c>).
/// </summary>
internal static class PathTableEndpoints
{
    public static void MapPathTableEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("attribution/paths", Get)
            .WithName("GetAttributionPaths")
            .WithSummary("The journeys as a path table CSV (path, total_conversions, total_conversion_value, total_null; paths sorted by text, repeats kept), as attribution --write-paths writes it. "
                + "conversion: lead, mql, sql, opportunity, customer (default), deal_created, won; period: conversions on these days (default all time).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static IResult Get(string? conversion, string? period, HttpContext http, WorkspaceEngines engines, IFactStore store, ICustomKpiStore settings)
    {
        var workspace = http.GetWorkspace().Workspace;
        if (!ConversionGoal.TryParse(conversion ?? "customer", out var goal, out var conversionError))
        {
            return ApiProblems.BadParameter("conversion", conversionError);
        }

        Period? range = null;
        if (period is not null)
        {
            var (read, problem) = KpiQueryInput.ReadPeriod(period, engines.For(workspace));
            if (read is null)
            {
                return ApiProblems.From(problem!);
            }

            range = read;
        }

        var config = AttributionSettings.Load(settings, workspace);
        var set = JourneyBuilder.Build(store, workspace, config.Journeys(goal, range?.Range));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        PathTable.Write(writer, PathTable.Aggregate(set.Journeys));
        return Results.Text(writer.ToString(), "text/csv", System.Text.Encoding.UTF8);
    }
}
