using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Northstar.Core.Accounts;
using Northstar.Server.Accounts.Contracts;
using Northstar.Server.Hosting;

namespace Northstar.Server.Accounts;

/// <summary><c>POST /api/login</c>, <c>POST /api/logout</c> and <c>GET /api/me</c>.</summary>
internal static class SessionEndpoints
{
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Session");
        group.MapPost("/login", LoginAsync)
            .WithName("Login")
            .WithSummary("Log in with a name and password: sets the session cookie (for scripts that want a session; tokens are simpler).")
            .AllowAnonymous();
        group.MapPost("/logout", LogoutAsync)
            .WithName("Logout")
            .WithSummary("End the cookie session.")
            .AllowAnonymous();
        group.MapGet("/me", Me)
            .WithName("Me")
            .WithSummary("The calling user and the workspaces it can use, with its role in each.")
            .RequireAuthorization();
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest body, HttpContext http, AccountService service, LoginThrottle throttle, IAccountStore accounts)
    {
        var name = body.Name ?? "";
        switch (await service.TrySignInAsync(http, name, body.Password ?? "").ConfigureAwait(false))
        {
            case LoginOutcome.SignedIn:
                return TypedResults.Ok(Describe(NorthstarClaims.UserId(http.User)!.Value, http.User.Identity!.Name!, caller: null, accounts));
            case LoginOutcome.Throttled:
                var wait = throttle.RetryAfter(name, http.Connection.RemoteIpAddress?.ToString());
                http.Response.Headers[HeaderNames.RetryAfter] = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts",
                    detail: $"Too many failed log-ins for this name or address; try again in {Math.Ceiling(wait.TotalSeconds)} s.");
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not logged in", detail: "Wrong name or password.");
        }
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, AccountService service)
    {
        await service.SignOutAsync(http).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static Results<Ok<MeResponse>, ProblemHttpResult> Me(HttpContext http, IAccountStore accounts)
    {
        if (NorthstarClaims.UserId(http.User) is not { } id || accounts.GetUser(id) is not { } user)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not logged in");
        }

        return TypedResults.Ok(Describe(user.Id, user.Name, http.User, accounts));
    }

    // The caller's limits (an API token's workspace and role) apply to /me; a log-in answers for the user just signed in.
    private static MeResponse Describe(long userId, string name, ClaimsPrincipal? caller, IAccountStore accounts)
    {
        var workspaces = accounts.ListMemberships(userId)
            .Where(m => caller is null || NorthstarClaims.AllowsWorkspace(caller, m.Workspace.Id))
            .Select(m => new WorkspaceRoleResponse(m.Workspace.Name, Roles.Name(caller is null ? m.Role : NorthstarClaims.CapRole(caller, m.Role))))
            .ToList();
        return new MeResponse(userId, name, caller?.HasClaim(c => c.Type == NorthstarClaims.TokenWorkspaceId) == true, workspaces);
    }
}
