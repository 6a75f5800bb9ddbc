using System.Globalization;
using System.Security.Claims;
using Northstar.Core.Accounts;

namespace Northstar.Server.Hosting;

/// <summary>
/// The claims a signed-in caller carries: the user id (<see cref="ClaimTypes.NameIdentifier"/>)
/// and name (<see cref="ClaimTypes.Name"/>), and for an API token the one workspace and role it
/// is limited to.
/// </summary>
public static class NorthstarClaims
{
    /// <summary>The cookie scheme of the dashboard (log in with a password).</summary>
    public const string CookieScheme = "Cookies";

    /// <summary>The bearer scheme of API tokens (<c>Authorization: Bearer nst_...</c>).</summary>
    public const string TokenScheme = "ApiToken";

    /// <summary>An API token's workspace id; a caller without it is a logged-in user.</summary>
    public const string TokenWorkspaceId = "northstar:token_workspace";

    /// <summary>An API token's highest role (the user's own role still caps it).</summary>
    public const string TokenRole = "northstar:token_role";

    /// <summary>The calling user's id, or null when not signed in.</summary>
    public static long? UserId(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var value = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        return long.TryParse(value, out var id) ? id : null;
    }

    /// <summary>Whether the caller may use the workspace at all: an API token only its own, a logged-in user any (its memberships decide).</summary>
    public static bool AllowsWorkspace(ClaimsPrincipal principal, long workspaceId)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(TokenWorkspaceId) is not { } tokenWorkspace
            || tokenWorkspace.Value == workspaceId.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The caller's role given the user's own <paramref name="role"/>: an API token's role caps it; a logged-in user keeps it.</summary>
    public static WorkspaceRole CapRole(ClaimsPrincipal principal, WorkspaceRole role)
    {
        ArgumentNullException.ThrowIfNull(principal);
        // ApiTokenHandler writes the enum's own name ("Viewer").
        return Enum.TryParse<WorkspaceRole>(principal.FindFirst(TokenRole)?.Value, out var tokenRole) && tokenRole < role ? tokenRole : role;
    }
}
