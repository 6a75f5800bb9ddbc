namespace Northstar.Core.Attribution.Reports;

/// <summary>
/// What the reports attribute: journeys (from the store) or a path table (from a file), and the
/// conversions that had no touch in their look-back window (counted, shown, never credited).
/// </summary>
/// <param name="Journeys">The journeys, converted and not; null when the input is a path table.</param>
/// <param name="Paths">The distinct channel paths (aggregated from the journeys, repeats kept, or read from a file).</param>
/// <param name="UntouchedConversions">Conversions in the period without a touch.</param>
/// <param name="UntouchedValue">Their value.</param>
public sealed record AttributionInput(
    IReadOnlyList<Journey>? Journeys,
    IReadOnlyList<ChannelPath> Paths,
    long UntouchedConversions = 0,
    double UntouchedValue = 0)
{
    /// <summary>Journeys, with their paths aggregated once for the path-driven models.</summary>
    public static AttributionInput FromJourneys(IReadOnlyList<Journey> journeys, long untouchedConversions = 0, double untouchedValue = 0)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        return new AttributionInput(journeys, PathTable.Aggregate(journeys), untouchedConversions, untouchedValue);
    }

    /// <summary>A path table: the models that need touch times or campaigns do not run on it.</summary>
    public static AttributionInput FromPaths(IReadOnlyList<ChannelPath> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return new AttributionInput(null, paths);
    }

    /// <summary>Conversions credited: the converted journeys (or the paths' conversions).</summary>
    public double Conversions => Paths.Sum(p => (double)p.Conversions);

    /// <summary>Their value.</summary>
    public double Value => Paths.Where(p => p.Conversions > 0).Sum(p => p.Value);
}
