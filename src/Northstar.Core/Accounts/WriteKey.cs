namespace Northstar.Core.Accounts;

/// <summary>
/// A tracking write key: it can only write events, only into its own workspace. Like Segment's,
/// it is not a secret from the browser (the tracking snippet carries it), so it is kept as is
/// and shown on the Data page; a revoked key is refused.
/// </summary>
public sealed record WriteKey(long Id, long WorkspaceId, string Name, string Key, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
