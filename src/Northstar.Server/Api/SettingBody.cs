using System.Text.Json.Serialization;

namespace Northstar.Server.Api;

/// <summary>The body of <c>PUT settings/{key}</c>.</summary>
/// <param name="Value">The new value; null removes the setting.</param>
public sealed record SettingBody([property: JsonPropertyName("value")] string? Value);
