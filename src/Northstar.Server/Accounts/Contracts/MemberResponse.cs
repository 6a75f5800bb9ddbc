using System.Text.Json.Serialization;

namespace Northstar.Server.Accounts.Contracts;

/// <summary>
/// A member of the workspace. <see cref="Password"/> is set only in the answer that created the
/// user with a generated password: it is shown this once and kept nowhere in clear.
/// </summary>
public sealed record MemberResponse(string Name, string Role, [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt, string? Password = null);
