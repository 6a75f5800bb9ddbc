using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Northstar.Core.Accounts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Queries;
using Northstar.Core.Planning;
using Northstar.Server.Hosting;

namespace Northstar.Server.Api;

/// <summary><c>plan</c>: the reverse-funnel plan (<c>northstar plan</c>, <c>plan --save</c>, <c>plan show</c>, <c>plan clear</c>).</summary>
internal static class PlanEndpoints
{
    public static void MapPlanEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("plan", Compute)
            .WithName("ComputePlan").WithSummary("Compute a reverse-funnel plan from a revenue goal (as plan --format json); nothing is saved.")
            .Accepts<PlanBody>("application/json")
            .Produces<PlanDocument>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPut("plan", Save)
            .WithName("SavePlan").WithSummary("Compute the plan and keep it as the workspace's plan, replacing the one before (editor): the quarterly report diagnoses against it.")
            .Accepts<PlanBody>("application/json")
            .Produces<PlanDocument>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequiresRole(WorkspaceRole.Editor);
        api.MapGet("plan", Get)
            .WithName("GetPlan").WithSummary("The workspace's saved plan (as plan show --format json).")
            .Produces<PlanDocument>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("plan", Delete)
            .WithName("DeletePlan").WithSummary("Remove the saved plan (editor): the quarterly report goes back to history.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresRole(WorkspaceRole.Editor);
    }

    private static IResult Compute(PlanBody body, HttpContext http, WorkspaceEngines engines)
    {
        var (plan, problem) = Build(body, engines.For(http.GetWorkspace().Workspace));
        return plan is null ? problem! : ApiJson.Ok(PlanDocument.Create(plan));
    }

    private static IResult Save(PlanBody body, HttpContext http, WorkspaceEngines engines, ICustomKpiStore store, TimeProvider time)
    {
        var workspace = http.GetWorkspace().Workspace;
        var (plan, problem) = Build(body, engines.For(workspace));
        if (plan is null)
        {
            return problem!;
        }

        SavedPlans.Save(store, workspace, SavedPlan.From(plan, time.GetUtcNow()));
        return ApiJson.Ok(PlanDocument.Create(plan));
    }

    private static IResult Get(HttpContext http, WorkspaceEngines engines, ICustomKpiStore store)
    {
        var workspace = http.GetWorkspace().Workspace;
        var saved = SavedPlans.Load(store, workspace, out var error);
        if (saved is null)
        {
            return error is null
                ? ApiProblems.NotFound("plan", "This workspace has no saved plan: PUT plan saves one.")
                : ApiProblems.Conflict($"The saved plan cannot be read: {error} (DELETE plan removes it).");
        }

        var outcome = saved.Rebuild(engines.For(workspace).Calendar);
        return outcome.IsSuccess
            ? ApiJson.Ok(PlanDocument.Create(outcome.Plan))
            : ApiProblems.Conflict("The saved plan: " + string.Join(" ", outcome.Problems.Select(p => p.Message)));
    }

    private static IResult Delete(HttpContext http, ICustomKpiStore store) =>
        SavedPlans.Clear(store, http.GetWorkspace().Workspace)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("plan", "This workspace has no saved plan.");

    /// <summary>The plan the body asks for, or the problem naming the input at fault.</summary>
    private static (FunnelPlan? Plan, IResult? Problem) Build(PlanBody body, MetricsEngine engine)
    {
        if (body.Revenue is not { } revenue)
        {
            return (null, ApiProblems.BadParameter("revenue", "required (the new-revenue goal of the period, e.g. 10000000)"));
        }

        if (body.Split is not (null or "even" or "seasonal"))
        {
            return (null, ApiProblems.BadParameter("split", $"'{body.Split}' is not a split (accepted: even, seasonal)"));
        }

        if (body.RateBasis is not (null or "period" or "cohort"))
        {
            return (null, ApiProblems.BadParameter("rate_basis", $"'{body.RateBasis}' is not a rate basis (accepted: period, cohort)"));
        }

        var rates = PlanInput.Rates(body.Rates, "rates", out var ratesError);
        if (ratesError is not null)
        {
            return (null, ApiProblems.BadParameter("rates", ratesError.TrimEnd('.')));
        }

        var (period, periodProblem) = KpiQueryInput.ReadPeriod(body.Period ?? "this-year", engine);
        if (period is null)
        {
            return (null, ApiProblems.From(periodProblem!));
        }

        var lookback = PlanInput.Lookback(body.Lookback, "lookback", period, engine.Calendar, engine.Today, out var lookbackError);
        if (lookbackError is not null)
        {
            return (null, ApiProblems.BadParameter("lookback", lookbackError.TrimEnd('.')));
        }

        var outcome = Planner.Build(engine, period, new PlanRequest(revenue)
        {
            DealSize = body.DealSize,
            Rates = rates,
            Split = body.Split == "seasonal" ? PlanSplitMode.Seasonal : PlanSplitMode.Even,
            ByChannel = body.ByChannel,
            RateBasis = body.RateBasis == "cohort" ? RateBasis.Cohort : RateBasis.PeriodRatio,
            ForwardSessionsPerMonth = body.ForwardSessions,
            Lookback = lookback,
        });
        return outcome.IsSuccess
            ? (outcome.Plan, null)
            : (null, ApiProblems.Invalid("Plan not possible", [.. outcome.Problems.Select(p => p.Message.TrimEnd('.'))]));
    }
}
