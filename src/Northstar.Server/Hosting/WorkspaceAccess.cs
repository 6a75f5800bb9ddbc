using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Accounts;
using Northstar.Core.Storage;

namespace Northstar.Server.Hosting;

/// <summary>
/// Which workspace a request may see, and as what. A workspace that does not exist and one the
/// caller is not a member of look the same from outside (null), so names do not leak.
/// </summary>
public static class WorkspaceAccess
{
    /// <summary>The route value that names the workspace: <c>/api/workspaces/{workspace}/...</c>, <c>/w/{workspace}/...</c>.</summary>
    public const string RouteKey = "workspace";

    private const string ItemKey = "northstar:workspace";

    /// <summary>The caller's view of the named workspace, or null when it cannot see it.</summary>
    public static WorkspaceContext? Resolve(HttpContext http, string? workspaceName)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (string.IsNullOrWhiteSpace(workspaceName) || NorthstarClaims.UserId(http.User) is not { } userId)
        {
            return null;
        }

        var store = http.RequestServices.GetRequiredService<IFactStore>();
        var accounts = http.RequestServices.GetRequiredService<IAccountStore>();
        if (store.FindWorkspace(workspaceName) is not { } workspace || accounts.GetRole(userId, workspace.Id) is not { } role
            || !NorthstarClaims.AllowsWorkspace(http.User, workspace.Id))
        {
            return null;
        }

        return new WorkspaceContext(workspace, NorthstarClaims.CapRole(http.User, role), userId);
    }

    /// <summary>The workspace <see cref="WorkspaceFilter"/> resolved for this request.</summary>
    public static WorkspaceContext GetWorkspace(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items[ItemKey] as WorkspaceContext
            ?? throw new InvalidOperationException("No workspace on this request: map the endpoint in a group with RequireWorkspace().");
    }

    internal static void SetWorkspace(HttpContext http, WorkspaceContext context) => http.Items[ItemKey] = context;
}
