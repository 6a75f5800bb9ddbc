namespace Northstar.Core.Channels;

/// <summary>A channel as the UI shows it: its snake_case id and its display name.</summary>
/// <param name="Id">The id stored on facts, e.g. <c>paid_search</c>.</param>
/// <param name="DisplayName">The name shown to people, e.g. <c>Paid Search</c>.</param>
public sealed record ChannelDefinition(string Id, string DisplayName);
