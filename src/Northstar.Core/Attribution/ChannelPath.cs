namespace Northstar.Core.Attribution;

/// <summary>
/// One distinct path of touchpoint channels, as path tables write it ("a > b > c"), with how
/// many journeys took it and how they ended: converted (with their total value) or not (null).
/// The unit every attribution model reads; journeys from the store aggregate into these.
/// </summary>
/// <param name="Channels">The channels touched, in time order (repeats kept; at least one).</param>
/// <param name="Conversions">Journeys on this path that converted.</param>
/// <param name="Value">The total conversion value of those journeys.</param>
/// <param name="Nulls">Journeys on this path that did not convert (yet).</param>
public sealed record ChannelPath(IReadOnlyList<string> Channels, long Conversions, double Value, long Nulls)
{
    /// <summary>The path as path tables write it: "a > b > c".</summary>
    public override string ToString() => string.Join(" > ", Channels);
}
