using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Northstar.Core.Accounts;
using Northstar.Server.Hosting;

namespace Northstar.Server.Accounts;

/// <summary>
/// The "ApiToken" scheme: <c>Authorization: Bearer nst_...</c>. The secret is hashed and looked
/// up; the token counts only while its user exists and is still a member of the token's
/// workspace, and it carries that workspace and its role as claims (<see cref="NorthstarClaims"/>).
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IAccountStore accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The authorization scheme word of the header.</summary>
    public const string Bearer = "Bearer";

    /// <summary>The secret of a <c>Bearer</c> Authorization header, or null when the request has none.</summary>
    public static string? ReadSecret(string? header) =>
        header is not null && header.StartsWith(Bearer + " ", StringComparison.OrdinalIgnoreCase)
            ? header[(Bearer.Length + 1)..].Trim()
            : null;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadSecret(Request.Headers[HeaderNames.Authorization]) is not { } secret)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (secret.Length == 0 || accounts.FindApiToken(Secrets.Hash(secret)) is not { } token)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown or revoked API token."));
        }

        if (accounts.GetUser(token.UserId) is not { } user || accounts.GetRole(user.Id, token.WorkspaceId) is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API token's user is no longer a member of its workspace."));
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(NorthstarClaims.TokenWorkspaceId, token.WorkspaceId.ToString(CultureInfo.InvariantCulture)),
                // WorkspaceAccess parses the enum's own name ("Viewer").
                new Claim(NorthstarClaims.TokenRole, token.Role.ToString()),
            ],
            Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers[HeaderNames.WWWAuthenticate] = Bearer;
        return Task.CompletedTask;
    }
}
