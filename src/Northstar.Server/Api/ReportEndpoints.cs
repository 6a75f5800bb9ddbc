using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Northstar.Core.Forecasting;
using Northstar.Core.Goals;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;
using Northstar.Core.Metrics.Queries;
using Northstar.Core.Reports;
using Northstar.Server.Hosting;

namespace Northstar.Server.Api;

/// <summary><c>reports/review</c>, <c>reports/quarterly</c> and <c>forecasts/{kpi}</c>: what <c>report review</c>, <c>report quarterly</c> and the goals' forecasts show.</summary>
internal static class ReportEndpoints
{
    public static void MapReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("reports/review", Review)
            .WithName("GetReviewReport").WithSummary("The quarterly high-level review: headline KPIs by month against the previous quarter (as report review --format json). period: a quarter, default last-quarter.")
            .Produces<QuarterlyReview>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("reports/quarterly", Quarterly)
            .WithName("GetQuarterlyReport")
            .WithSummary("The quarterly report: goals with pacing, forecast and probability, the funnel and its bottleneck, next quarter's focus, alerts (as report quarterly --format json). "
                + "period: a quarter (default last-quarter); today: yyyy-MM-dd; plan: saved (default) or history.")
            .Produces<QuarterlyReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("forecasts/{kpi}", Forecast)
            .WithName("GetForecast")
            .WithSummary("A KPI's forecast for a period's end with its 80% band and the probability of meeting the target. "
                + "period: default this-quarter; target: default the target of the workspace's goal on that KPI and period; today: yyyy-MM-dd.")
            .Produces<Forecast>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult Review(string? period, HttpContext http, WorkspaceEngines engines)
    {
        var engine = engines.For(http.GetWorkspace().Workspace);
        var (quarter, problem) = ReadQuarter(period, engine, "the review");
        return quarter is null ? problem! : ApiJson.Ok(QuarterlyReviewBuilder.Build(engine, quarter));
    }

    private static IResult Quarterly(string? period, string? today, string? plan, HttpContext http, WorkspaceEngines engines, ICustomKpiStore settings, IGoalStore goals)
    {
        var workspace = http.GetWorkspace().Workspace;
        var engine = engines.For(workspace);
        var (quarter, problem) = ReadQuarter(period, engine, "the quarterly report");
        if (quarter is null)
        {
            return problem!;
        }

        if (KpiQueryInput.ReadToday(today, engine) is not { } asOf)
        {
            return GoalEndpoints.BadToday(today);
        }

        if (plan is not (null or "saved" or "history"))
        {
            return ApiProblems.BadParameter("plan", $"'{plan}' is not a plan choice (accepted: saved, history)");
        }

        return ApiJson.Ok(QuarterlyReports.Build(engine, settings, goals, workspace, quarter, asOf, plan == "history"));
    }

    /// <summary>The quarter <paramref name="period"/> names (default last-quarter), or the problem: a bad period, or one that is not a quarter (what <paramref name="report"/> covers).</summary>
    private static (Period? Quarter, IResult? Problem) ReadQuarter(string? period, MetricsEngine engine, string report)
    {
        var (quarter, problem) = KpiQueryInput.ReadPeriod(period ?? KpiQueryInput.DefaultPeriod, engine);
        return quarter is null ? (null, ApiProblems.From(problem!))
            : QuarterlyReviewBuilder.Problem(quarter) is { } notQuarter ? (null, ApiProblems.BadParameter("period", $"{report} covers a quarter; {notQuarter}"))
            : (quarter, null);
    }

    private static IResult Forecast(string kpi, string? period, double? target, string? today, HttpContext http, WorkspaceEngines engines, IGoalStore goals)
    {
        var workspace = http.GetWorkspace().Workspace;
        var engine = engines.For(workspace);
        if (engine.Find(kpi) is null)
        {
            return ApiProblems.NotFound("KPI", $"kpi: there is no KPI '{kpi}' in this workspace (GET kpis lists them).");
        }

        var (range, problem) = KpiQueryInput.ReadPeriod(period ?? "this-quarter", engine);
        if (range is null)
        {
            return ApiProblems.From(problem!);
        }

        if (KpiQueryInput.ReadToday(today, engine) is not { } asOf)
        {
            return GoalEndpoints.BadToday(today);
        }

        var goalTarget = target ?? goals.ListGoals(workspace)
            .Where(g => g.Kpi == kpi && KpiQueryInput.ReadPeriod(g.Period, engine).Period?.Range == range.Range)
            .Select(g => (double?)g.Target)
            .FirstOrDefault();
        if (goalTarget is not { } value)
        {
            return ApiProblems.BadParameter("target", $"no goal on {kpi} for {range.Label}: give the target to forecast against (e.g. target=1200)");
        }

        try
        {
            return ApiJson.Ok(Forecaster.Run(engine, kpi, value, range.Range, asOf));
        }
        catch (ArgumentException e)
        {
            // A KPI the forecaster cannot simulate (an average), a target not above 0, no history.
            return ApiProblems.BadParameter(e.ParamName is "target" ? "target" : "kpi", e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal).TrimEnd('.'));
        }
    }
}
