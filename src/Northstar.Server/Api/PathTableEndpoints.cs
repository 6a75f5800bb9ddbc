using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Attribution.Reports;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Queries;
using Northstar.Server.Hosting;

namespace Northstar.Server.Api;

/// <summary>
/// <c>attribution/paths</c>: the store's journeys as a path table CSV
/// (<c>path,total_conversions,total_conversion_value,total_null</c>), as <c>attribution --write-paths</c>
/// writes it, for other attribution tools; and models run on a path table sent as the body, as
/// <c>attribution --paths FILE</c> runs them.
/// </summary>
internal static class PathTableEndpoints
{
    /// <summary>The most row problems a refused path table lists (error_count says how many there were).</summary>
    public const int MaxErrorsListed = 100;

    public static void MapPathTableEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("attribution/paths", Get)
            .WithName("GetAttributionPaths")
            .WithSummary("The journeys as a path table CSV (path, total_conversions, total_conversion_value, total_null; paths sorted by text, repeats kept), as attribution --write-paths writes it. "
                + "conversion: lead, mql, sql, opportunity, customer (default), deal_created, won; period: conversions on these days (default all time).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("attribution/paths", Run)
            .WithName("RunAttributionOnPaths")
            .WithSummary("Credit the conversions of a path table sent as a text/csv body (path, total_conversions, total_conversion_value, total_null; as attribution --paths), under a model or models side by side. "
                + "model: markov (default), shapley, first, last, linear, position, ... (models needing touch times cannot run on paths: 400); order: Markov order 1-3; no_nulls: Markov from converting paths only; "
                + "compare: models comma-separated; fileName: the name the answer's scope and errors use. A bad table: 400 listing each row's problem (file, line, column, reason). Nothing is stored.")
            .Accepts<string>("text/csv")
            .Produces<AttributionAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static IResult Get(string? conversion, string? period, HttpContext http, WorkspaceEngines engines, ICustomKpiStore settings)
    {
        var workspace = http.GetWorkspace().Workspace;
        if (!ConversionGoal.TryParse(conversion ?? "customer", out var goal, out var conversionError))
        {
            return ApiProblems.BadParameter("conversion", conversionError);
        }

        var (range, problem) = period is null ? (null, null) : KpiQueryInput.ReadPeriod(period, engines.For(workspace));
        if (problem is not null)
        {
            return ApiProblems.From(problem);
        }

        var config = AttributionSettings.Load(settings, workspace);
        var journeys = engines.Journeys(workspace, [config.Journeys(goal, range?.Range)])[0].Journeys!;
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        PathTable.Write(writer, PathTable.Aggregate(journeys));
        return Results.Text(writer.ToString(), "text/csv", System.Text.Encoding.UTF8);
    }

    private static async Task<IResult> Run(string? model, int? order, bool? no_nulls, string? compare, string? fileName, HttpContext http)
    {
        // The default settings, as attribution --paths takes them.
        var (models, problem) = AttributionModelQuery.Read(AttributionConfig.Default, model, order, no_nulls, compare);
        if (problem is not null)
        {
            return problem;
        }

        var name = Path.GetFileName((fileName ?? "paths.csv").Replace('\\', '/')) is { Length: > 0 } safe ? safe : "paths.csv";
        var read = await ReadTableAsync(http.Request, name, http.RequestAborted).ConfigureAwait(false);
        if (read.Errors.Count > 0)
        {
            var errors = read.Errors.Take(MaxErrorsListed).ToList();
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "Invalid path table",
                detail: string.Join("; ", errors.Take(3)) + (read.Errors.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $"; ... ({read.Errors.Count} problems)") : "") + ".",
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = errors.Select(e => new { file = e.File, line = e.Line, column = e.Column, reason = e.Reason }).ToList(),
                    ["error_count"] = read.Errors.Count,
                });
        }

        return AttributionModelQuery.Answer(new AttributionScope(name, null, null, null), AttributionInput.FromPaths(read.Paths), models, AttributionDimension.Channel, compare);
    }

    /// <summary>
    /// The body through a temporary file: the reader is synchronous, which ASP.NET Core does not
    /// allow on a request body, and a path table can be larger than is worth holding in memory.
    /// </summary>
    private static async Task<PathTableColumnsReadResult> ReadTableAsync(HttpRequest request, string name, CancellationToken cancel)
    {
        var path = Path.GetTempFileName();
        try
        {
            var target = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true);
            await using (target.ConfigureAwait(false))
            {
                await request.Body.CopyToAsync(target, cancel).ConfigureAwait(false);
            }

            return PathTable.ReadColumns(path) is var read && read.Errors.Count > 0
                ? new PathTableColumnsReadResult(read.Paths, [.. read.Errors.Select(e => e with { File = name })])
                : read;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
