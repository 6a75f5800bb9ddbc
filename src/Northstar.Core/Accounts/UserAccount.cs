namespace Northstar.Core.Accounts;

/// <summary>
/// A person who logs in: the store's id, the login name (unique, compared case-insensitively),
/// ASP.NET Core Identity's hash of the password (never the password itself), and when it was made.
/// </summary>
public sealed record UserAccount(long Id, string Name, string PasswordHash, DateTimeOffset CreatedAt);
