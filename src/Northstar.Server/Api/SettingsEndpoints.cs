using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Northstar.Core.Accounts;
using Northstar.Core.Metrics;
using Northstar.Server.Hosting;

namespace Northstar.Server.Api;

/// <summary><c>settings</c>: the workspace settings the metrics and attribution read (<c>northstar settings</c>).</summary>
internal static class SettingsEndpoints
{
    public static void MapSettingsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("settings", List)
            .WithName("ListSettings").WithSummary("Every setting with its value, null when not set (the default applies), as settings --format json.")
            .Produces<IReadOnlyDictionary<string, string?>>();
        api.MapPut("settings/{key}", Put)
            .WithName("PutSetting").WithSummary("Set a setting, checked before it is saved; a null value removes it (admin).")
            .Accepts<SettingBody>("application/json")
            .Produces<IReadOnlyDictionary<string, string?>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequiresRole(WorkspaceRole.Admin);
    }

    private static IResult List(HttpContext http, ICustomKpiStore custom) => ApiJson.Ok(Values(custom, http.GetWorkspace().Workspace));

    private static IResult Put(string key, SettingBody body, HttpContext http, ICustomKpiStore custom)
    {
        if (WorkspaceSettings.Problem(key, body.Value) is { } problem)
        {
            return ApiProblems.BadParameter(WorkspaceSettings.Keys.Contains(key) ? "value" : "key", $"{key}: {problem}");
        }

        var workspace = http.GetWorkspace().Workspace;
        custom.SetSetting(workspace, key, body.Value);
        return ApiJson.Ok(Values(custom, workspace));
    }

    private static Dictionary<string, string?> Values(ICustomKpiStore custom, Core.Workspaces.Workspace workspace) =>
        WorkspaceSettings.Keys.ToDictionary(k => k, k => custom.GetSetting(workspace, k));
}
