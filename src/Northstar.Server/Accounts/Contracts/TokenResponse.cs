using System.Text.Json.Serialization;

namespace Northstar.Server.Accounts.Contracts;

/// <summary>
/// An API token: its first characters (<see cref="Prefix"/>), never its hash. <see cref="Secret"/>
/// is set only in the answer that created it: send it as <c>Authorization: Bearer SECRET</c>.
/// </summary>
public sealed record TokenResponse(long Id, string Name, string Prefix, string Role, string User, [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt, string? Secret = null);
