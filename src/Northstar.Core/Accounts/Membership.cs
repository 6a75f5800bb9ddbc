using Northstar.Core.Workspaces;

namespace Northstar.Core.Accounts;

/// <summary>A user's role in one workspace.</summary>
public sealed record Membership(UserAccount User, Workspace Workspace, WorkspaceRole Role);
