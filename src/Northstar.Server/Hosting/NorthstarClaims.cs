using System.Security.Claims;

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
}
