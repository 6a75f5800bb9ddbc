using Northstar.Core.Accounts;
using Northstar.Core.Workspaces;

namespace Northstar.Server.Hosting;

/// <summary>The workspace a request works in, the caller's role there, and the calling user (an API token acts as its user).</summary>
public sealed record WorkspaceContext(Workspace Workspace, WorkspaceRole Role, long UserId)
{
    /// <summary>The address of <paramref name="rest"/> in this workspace's JSON API, e.g. <c>/api/workspaces/acme/tokens/3</c> (the name escaped).</summary>
    public string ApiPath(string rest) => $"/api/workspaces/{Uri.EscapeDataString(Workspace.Name)}/{rest}";
}
