using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Northstar.Core.Accounts;
using Northstar.Core.Goals;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Queries;
using Northstar.Server.Hosting;

namespace Northstar.Server.Api;

/// <summary><c>goals</c>: SMART goals with their pacing (<c>goal list</c>, <c>goal set</c>, <c>goal delete</c>).</summary>
internal static class GoalEndpoints
{
    public static void MapGoalEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("goals", List)
            .WithName("ListGoals").WithSummary("Every goal paced as of today (or ?today=yyyy-MM-dd: the days before it count), sub-goals after their parent (as goal list --format json).")
            .Produces<GoalList>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("goals/{id}", Get)
            .WithName("GetGoal").WithSummary("One goal with its pacing as of today (or ?today=).")
            .Produces<GoalRow>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("goals/{id}", Put)
            .WithName("PutGoal").WithSummary("Set a goal, replacing one of the same id (editor); checked as goal set: 400 with every error and warning.")
            .Accepts<GoalBody>("application/json")
            .Produces<GoalRow>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequiresRole(WorkspaceRole.Editor);
        api.MapDelete("goals/{id}", Delete)
            .WithName("DeleteGoal").WithSummary("Delete a goal (editor); one with sub-goals only after they are deleted or moved (409).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequiresRole(WorkspaceRole.Editor);
    }

    /// <summary>The workspace's pacer: its engine with its pacing thresholds.</summary>
    private static GoalPacer Pacer(MetricsEngine engine, ICustomKpiStore settings, Core.Workspaces.Workspace workspace) =>
        new(engine, PacingThresholds.Load(settings, workspace));

    /// <summary>400: ?today= is not a date.</summary>
    internal static IResult BadToday(string? text) => ApiProblems.BadParameter("today", $"'{text}' is not a date like 2026-01-11");

    private static IResult List(string? today, HttpContext http, WorkspaceEngines engines, IGoalStore goals, ICustomKpiStore settings)
    {
        var workspace = http.GetWorkspace().Workspace;
        var engine = engines.For(workspace);
        if (KpiQueryInput.ReadToday(today, engine) is not { } asOf)
        {
            return BadToday(today);
        }

        return ApiJson.Ok(new GoalList(asOf, GoalRow.List(Pacer(engine, settings, workspace), goals.ListGoals(workspace), asOf)));
    }

    private static IResult Get(string id, string? today, HttpContext http, WorkspaceEngines engines, IGoalStore goals, ICustomKpiStore settings)
    {
        var workspace = http.GetWorkspace().Workspace;
        var engine = engines.For(workspace);
        if (KpiQueryInput.ReadToday(today, engine) is not { } asOf)
        {
            return BadToday(today);
        }

        if (goals.GetGoal(workspace, id) is not { } goal)
        {
            return ApiProblems.NotFound("goal", $"id: this workspace has no goal '{id}'.");
        }

        var pacing = Pacer(engine, settings, workspace).Pace(goal, asOf);
        return ApiJson.Ok(GoalRow.From(pacing, 0));
    }

    private static IResult Put(string id, string? today, GoalBody body, HttpContext http, WorkspaceEngines engines, IGoalStore goals, ICustomKpiStore settings)
    {
        var workspace = http.GetWorkspace().Workspace;
        var engine = engines.For(workspace);
        if (KpiQueryInput.ReadToday(today, engine) is not { } asOf)
        {
            return BadToday(today);
        }

        if (body.Split is not (null or "even" or "seasonal"))
        {
            return ApiProblems.BadParameter("split", $"'{body.Split}' is not a split (accepted: even, seasonal)");
        }

        var goal = new Goal(id, body.Kpi ?? "", body.Target ?? 0, body.Period ?? "")
        {
            Owner = body.Owner,
            Description = body.Description,
            BusinessGoal = body.BusinessGoal,
            ParentId = body.Parent,
            SubMetrics = body.SubMetrics ?? [],
            MonthWeights = body.MonthWeights,
        };
        var check = GoalEditor.Save(goals, workspace, engine, goal, body.Split == "seasonal", asOf);
        if (check.Goal is not { } saved)
        {
            return ApiProblems.Invalid("Goal not saved", check.Errors, check.Warnings);
        }

        var pacing = Pacer(engine, settings, workspace).Pace(saved, asOf);
        var row = GoalRow.From(pacing, 0);
        return ApiJson.Ok(row with { Notes = [.. check.Warnings, .. row.Notes] });
    }

    private static IResult Delete(string id, HttpContext http, IGoalStore goals)
    {
        var workspace = http.GetWorkspace().Workspace;
        var (deleted, children) = GoalEditor.Delete(goals, workspace, id);
        return children.Count > 0
            ? ApiProblems.Conflict($"id: goal '{id}' has sub-goals ({string.Join(", ", children)}): delete them, or give them another parent, first.")
            : deleted ? TypedResults.NoContent()
            : ApiProblems.NotFound("goal", $"id: this workspace has no goal '{id}'.");
    }
}
