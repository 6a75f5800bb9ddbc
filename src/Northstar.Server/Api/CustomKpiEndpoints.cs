using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Northstar.Core.Accounts;
using Northstar.Core.Metrics;
using Northstar.Server.Hosting;

namespace Northstar.Server.Api;

/// <summary><c>custom-kpis</c>: the workspace's KPIs written as formulas (<c>kpi define</c>, <c>kpi undefine</c>).</summary>
internal static class CustomKpiEndpoints
{
    public static void MapCustomKpiEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("custom-kpis", List)
            .WithName("ListCustomKpis").WithSummary("The workspace's custom KPIs with their formulas.")
            .Produces<IReadOnlyList<KpiDefinition>>();
        api.MapPut("custom-kpis/{id}", Put)
            .WithName("PutCustomKpi")
            .WithSummary("Define or replace a custom KPI (editor). A formula that does not parse or gives another unit: 400 with each error's position, length and reason.")
            .Accepts<CustomKpiBody>("application/json")
            .Produces<KpiDefinition>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequiresRole(WorkspaceRole.Editor);
        api.MapDelete("custom-kpis/{id}", Delete)
            .WithName("DeleteCustomKpi").WithSummary("Delete a custom KPI (editor); built-in KPIs cannot be deleted (400).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresRole(WorkspaceRole.Editor);
    }

    private static IResult List(HttpContext http, ICustomKpiStore custom) =>
        ApiJson.Ok(custom.ListCustomKpis(http.GetWorkspace().Workspace));

    private static IResult Put(string id, CustomKpiBody body, HttpContext http, WorkspaceEngines engines, ICustomKpiStore custom)
    {
        var workspace = http.GetWorkspace().Workspace;
        foreach (var (name, value) in new[] { ("formula", body.Formula), ("name", body.Name), ("unit", body.Unit), ("direction", body.Direction) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return ApiProblems.BadParameter(name, "required");
            }
        }

        if (CustomKpiCheck.Unit(body.Unit) is not { } unit)
        {
            return ApiProblems.BadParameter("unit", $"'{body.Unit}' is not a unit (accepted: {string.Join(", ", CustomKpiCheck.UnitNames)})");
        }

        if (CustomKpiCheck.Direction(body.Direction) is not { } direction)
        {
            return ApiProblems.BadParameter("direction", $"'{body.Direction}' is not a direction (accepted: {string.Join(", ", CustomKpiCheck.DirectionNames)})");
        }

        var kpi = new KpiDefinition(id, body.Name!, unit, direction, body.Description ?? body.Formula!, []) { Formula = body.Formula };
        var (idProblem, errors) = CustomKpiCheck.Check(engines.For(workspace), kpi);
        if (idProblem is not null)
        {
            return ApiProblems.BadParameter("id", idProblem);
        }

        if (errors.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad formula",
                detail: $"formula: the formula of '{id}' is not valid: " + string.Join("; ", errors.Select(e => $"at {e.Position}: {e.Reason}")) + ".",
                extensions: new Dictionary<string, object?>
                {
                    ["parameter"] = "formula",
                    ["errors"] = errors.Select(e => new Dictionary<string, object?>
                    {
                        ["position"] = e.Position,
                        ["length"] = e.Length,
                        ["reason"] = e.Reason,
                        ["rendered"] = e.Render(body.Formula!),
                    }).ToList(),
                });
        }

        custom.SaveCustomKpi(workspace, kpi);
        return ApiJson.Ok(custom.ListCustomKpis(workspace).Single(k => k.Id == id));
    }

    private static IResult Delete(string id, HttpContext http, ICustomKpiStore custom, Core.Storage.IFactStore store)
    {
        var workspace = http.GetWorkspace().Workspace;
        // No custom KPIs loaded here: one whose formula no longer parses must still be removable.
        if (new MetricsEngine(store, workspace).Find(id) is not null)
        {
            return ApiProblems.BadParameter("id", $"'{id}' is a built-in KPI; only custom KPIs can be removed");
        }

        return custom.DeleteCustomKpi(workspace, id)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("custom KPI", $"id: this workspace has no custom KPI '{id}'.");
    }
}
