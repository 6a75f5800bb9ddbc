namespace Northstar.Server.Accounts.Contracts;

/// <summary>The body of <c>PUT .../users/{name}</c>: the member's new role (viewer, editor, admin).</summary>
public sealed record RoleRequest(string? Role);
