namespace Northstar.Core.Channels;

/// <summary>
/// A workspace's own channel rule: when every pattern that is set matches (case-insensitive
/// regular expressions over source, medium and campaign), the row gets <paramref name="Channel"/>.
/// Rules are tried in order, before the default grouping.
/// </summary>
public sealed record ChannelRule(string Channel, string? Source = null, string? Medium = null, string? Campaign = null);
