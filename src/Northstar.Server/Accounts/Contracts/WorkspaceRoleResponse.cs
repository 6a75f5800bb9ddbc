namespace Northstar.Server.Accounts.Contracts;

/// <summary>A workspace and the caller's role there (viewer, editor, admin).</summary>
public sealed record WorkspaceRoleResponse(string Workspace, string Role);
