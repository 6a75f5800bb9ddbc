namespace Northstar.Core.Accounts;

/// <summary>
/// A token a script sends as <c>Authorization: Bearer ...</c>: it acts as its user in one
/// workspace, with at most <see cref="Role"/> (and never more than the user's own role there).
/// The store keeps only a SHA-256 hash of the secret; <see cref="Prefix"/> (its first characters)
/// lets people tell tokens apart.
/// </summary>
public sealed record ApiToken(
    long Id, long UserId, long WorkspaceId, string Name, string Prefix, WorkspaceRole Role,
    DateTimeOffset CreatedAt);
