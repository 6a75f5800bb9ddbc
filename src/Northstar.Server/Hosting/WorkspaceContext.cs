using Northstar.Core.Accounts;
using Northstar.Core.Workspaces;

namespace Northstar.Server.Hosting;

/// <summary>The workspace a request works in, the caller's role there, and the calling user (an API token acts as its user).</summary>
public sealed record WorkspaceContext(Workspace Workspace, WorkspaceRole Role, long UserId);
