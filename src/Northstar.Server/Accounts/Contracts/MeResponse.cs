using System.Text.Json.Serialization;

namespace Northstar.Server.Accounts.Contracts;

/// <summary>The caller (<c>GET /api/me</c>): the user and the workspaces it can use, with its role in each (for an API token, only the token's workspace at the token's role).</summary>
public sealed record MeResponse(long Id, string Name, [property: JsonPropertyName("api_token")] bool ApiToken, IReadOnlyList<WorkspaceRoleResponse> Workspaces);
