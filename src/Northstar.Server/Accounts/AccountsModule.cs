using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Northstar.Core.Accounts;
using Northstar.Server.Hosting;

namespace Northstar.Server.Accounts;

/// <summary>Users, log in, API tokens and write keys: services and routes.</summary>
public static class AccountsModule
{
    /// <summary>
    /// The default scheme: a request with <c>Authorization: Bearer</c> is judged by the token
    /// scheme alone, any other by the cookie. So a bad token is a 401, never a redirect, and a
    /// browser without a cookie is sent to the log-in page.
    /// </summary>
    public const string DefaultScheme = "Northstar";

    public static void AddNorthstarAccounts(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services
            .AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "Cookie or API token", policy => policy.ForwardDefaultSelector = context =>
                ApiTokenHandler.ReadSecret(context.Request.Headers[HeaderNames.Authorization]) is not null
                    ? NorthstarClaims.TokenScheme
                    : NorthstarClaims.CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(NorthstarClaims.TokenScheme, null)
            .AddCookie(NorthstarClaims.CookieScheme, cookie =>
            {
                cookie.LoginPath = "/login";
                cookie.LogoutPath = "/logout";
                cookie.Cookie.Name = "northstar";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
                // API and tracking callers get a status code, never a redirect to the login page.
                cookie.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
                cookie.Events.OnValidatePrincipal = RejectStaleCookie;
            });
        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(DefaultScheme).RequireAuthenticatedUser().Build());
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSingleton<AccountService>();
    }

    public static void MapNorthstarAccounts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapSessionEndpoints();
        var workspace = app.MapWorkspaceApi().WithTags("Accounts");
        workspace.MapMemberEndpoints();
        workspace.MapTokenEndpoints();
        workspace.MapWriteKeyEndpoints();
    }

    // A cookie outlives its user and its password: a deleted user's cookie, or one signed in
    // with a password changed since, signs nobody in.
    private static async Task RejectStaleCookie(CookieValidatePrincipalContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<IAccountStore>();
        if (context.Principal is not { } principal || NorthstarClaims.UserId(principal) is not { } id || accounts.GetUser(id) is not { } user
            || principal.FindFirst(AccountService.PasswordStampClaim)?.Value != AccountService.PasswordStamp(user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(NorthstarClaims.CookieScheme).ConfigureAwait(false);
        }
    }

    private static Task Deny(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/v1") || path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
