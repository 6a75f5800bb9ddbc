namespace Northstar.Core.Attribution;

/// <summary>What a model credits one channel with: conversions and value (fractions: a shared conversion splits).</summary>
public sealed record ChannelCredit(string Channel, double Conversions, double Value);
