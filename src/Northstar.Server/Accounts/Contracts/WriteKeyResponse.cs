using System.Text.Json.Serialization;

namespace Northstar.Server.Accounts.Contracts;

/// <summary>A tracking write key (not a secret from the browser: the tracking snippet carries it); revoked keys keep their revocation time.</summary>
public sealed record WriteKeyResponse(long Id, string Name, string Key, [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt, [property: JsonPropertyName("revoked_at")] DateTimeOffset? RevokedAt);
