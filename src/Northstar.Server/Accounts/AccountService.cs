using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Northstar.Core.Accounts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Server.Hosting;

namespace Northstar.Server.Accounts;

/// <summary>
/// Users and their credentials: passwords (ASP.NET Core Identity's hasher, never kept in
/// clear), cookie log-in with a per-name and per-address throttle, API tokens (kept as SHA-256
/// hashes) and tracking write keys.
/// </summary>
public sealed class AccountService(IAccountStore accounts, LoginThrottle throttle, ILogger<AccountService>? logger = null)
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinPasswordLength = 10;

    /// <summary>The longest user name accepted.</summary>
    public const int MaxNameLength = 64;

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    // The hasher ignores the user; one placeholder serves every call.
    private static readonly UserAccount Nobody = new(0, "", "", DateTimeOffset.UnixEpoch);

    // Checked against when the name is unknown, so that a wrong name costs what a wrong password costs.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(Nobody, Secrets.NewPassword()));

    /// <summary>
    /// A cookie's claim that ties it to the password it was signed in with: when the password
    /// changes, every session signed in with the old one ends (see <see cref="PasswordStamp"/>).
    /// </summary>
    public const string PasswordStampClaim = "northstar:password_stamp";

    /// <summary>A short digest of the user's current password hash (not the hash itself).</summary>
    public static string PasswordStamp(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Secrets.Hash(user.PasswordHash)[..16];
    }

    /// <summary>Why a name cannot be a user name, or null when it can.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "The user name is empty."
        : name.Length > MaxNameLength ? $"The user name is longer than {MaxNameLength} characters."
        : name.Trim() != name ? "The user name starts or ends with a space."
        : name.Any(char.IsControl) || name.Contains(':', StringComparison.Ordinal) ? "The user name contains a control character or a colon."
        : null;

    /// <summary>Why a password is refused, or null when it is accepted.</summary>
    public static string? PasswordProblem(string? password) =>
        string.IsNullOrEmpty(password) ? "The password is empty."
        : password.Length < MinPasswordLength ? $"The password is shorter than {MinPasswordLength} characters."
        : null;

    /// <summary>A random password for a new user (printed once by whoever asked for it).</summary>
    public static string GeneratePassword() => Secrets.NewPassword();

    /// <summary>Creates a user; <see cref="ArgumentException"/> for a bad name or password, <see cref="InvalidOperationException"/> when the name is taken.</summary>
    public UserAccount CreateUser(string name, string password)
    {
        if (NameProblem(name) is { } nameProblem)
        {
            throw new ArgumentException(nameProblem, nameof(name));
        }

        if (PasswordProblem(password) is { } passwordProblem)
        {
            throw new ArgumentException(passwordProblem, nameof(password));
        }

        return accounts.CreateUser(name, Hasher.HashPassword(Nobody, password));
    }

    /// <summary>Sets a new password; <see cref="ArgumentException"/> when it is refused.</summary>
    public void SetPassword(long userId, string password)
    {
        if (PasswordProblem(password) is { } problem)
        {
            throw new ArgumentException(problem, nameof(password));
        }

        accounts.SetPasswordHash(userId, Hasher.HashPassword(Nobody, password));
    }

    /// <summary>The user when the password is theirs (the stored hash is upgraded when the hasher asks for it), else null.</summary>
    public UserAccount? CheckPassword(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        var user = accounts.FindUser(name);
        if (user is null)
        {
            Hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password);
            return null;
        }

        switch (Hasher.VerifyHashedPassword(user, user.PasswordHash, password))
        {
            case PasswordVerificationResult.Success:
                return user;
            case PasswordVerificationResult.SuccessRehashNeeded:
                var rehashed = Hasher.HashPassword(user, password);
                accounts.SetPasswordHash(user.Id, rehashed);
                return user with { PasswordHash = rehashed };
            default:
                return null;
        }
    }

    /// <summary>Checks the password and signs in with the cookie, telling a throttled attempt (see <see cref="LoginThrottle"/>) from bad credentials.</summary>
    public async Task<LoginOutcome> TrySignInAsync(HttpContext http, string name, string password)
    {
        ArgumentNullException.ThrowIfNull(http);
        name ??= "";
        password ??= "";
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (throttle.RetryAfter(name, address) is var wait && wait > TimeSpan.Zero)
        {
            AccountsLog.LoginThrottled(_logger, name, address, (int)Math.Ceiling(wait.TotalSeconds));
            return LoginOutcome.Throttled;
        }

        if (CheckPassword(name, password) is not { } user)
        {
            AccountsLog.LoginFailed(_logger, name, address);
            throttle.Failed(name, address);
            return LoginOutcome.BadCredentials;
        }

        throttle.Succeeded(name);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(PasswordStampClaim, PasswordStamp(user)),
            ],
            NorthstarClaims.CookieScheme);
        var principal = new ClaimsPrincipal(identity);
        await http.SignInAsync(NorthstarClaims.CookieScheme, principal).ConfigureAwait(false);
        // The rest of this request acts as the user just signed in (the cookie counts from the next one).
        http.User = principal;
        return LoginOutcome.SignedIn;
    }

    /// <summary>Ends the cookie session.</summary>
    public Task SignOutAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.SignOutAsync(NorthstarClaims.CookieScheme);
    }

    /// <summary>
    /// A new API token for the user in the workspace, with <paramref name="role"/> capped at the
    /// user's own role there. The secret is returned here only; the store keeps its hash.
    /// <see cref="InvalidOperationException"/> when the user is not a member of the workspace.
    /// </summary>
    public (ApiToken Token, string Secret) CreateApiToken(long userId, Workspace ws, string name, WorkspaceRole role)
    {
        ArgumentNullException.ThrowIfNull(ws);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var own = accounts.GetRole(userId, ws.Id)
            ?? throw new InvalidOperationException($"User {userId} is not a member of workspace '{ws.Name}'.");
        var secret = Secrets.NewToken();
        var token = accounts.CreateApiToken(userId, ws, name.Trim(), secret[..Secrets.ShownTokenChars], Secrets.Hash(secret), role < own ? role : own);
        return (token, secret);
    }

    /// <summary>A new random write key for the workspace's tracking.</summary>
    public WriteKey CreateWriteKey(Workspace ws, string name)
    {
        ArgumentNullException.ThrowIfNull(ws);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return accounts.CreateWriteKey(ws, name.Trim(), Secrets.NewWriteKey());
    }

    /// <summary>
    /// On a store without users: creates "admin" with a random password, admin of every
    /// workspace the store has now, and returns the name and password to print once. Null
    /// (nothing done) when the store has users. A workspace made later has no members until
    /// <c>northstar users add NAME --workspace W --role admin</c> or an admin adds them.
    /// </summary>
    public (string Name, string Password)? BootstrapAdmin(IFactStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (accounts.ListUsers().Count > 0)
        {
            return null;
        }

        var password = GeneratePassword();
        var admin = CreateUser("admin", password);
        foreach (var workspace in store.ListWorkspaces())
        {
            accounts.SetRole(admin.Id, workspace, WorkspaceRole.Admin);
        }

        return ("admin", password);
    }
}
