namespace Northstar.Core.Attribution.Reports;

/// <summary>
/// What the reports attribute: journeys (from the store) or a path table (from a file), and the
/// conversions that had no touch in their look-back window (counted, shown, never credited).
/// Paths are held by column (<see cref="PathTableColumns"/>), the form the fast model entry
/// points take; for journeys they are aggregated on first use, so a report that needs only the
/// journeys (one heuristic model) never builds them.
/// </summary>
public sealed class AttributionInput
{
    private readonly Lazy<PathTableColumns> _paths;

    private AttributionInput(IReadOnlyList<Journey>? journeys, Func<PathTableColumns> paths, double conversions, double value, long untouchedConversions, double untouchedValue)
    {
        Journeys = journeys;
        _paths = new Lazy<PathTableColumns>(paths);
        Conversions = conversions;
        Value = value;
        UntouchedConversions = untouchedConversions;
        UntouchedValue = untouchedValue;
    }

    /// <summary>The journeys, converted and not; null when the input is a path table.</summary>
    public IReadOnlyList<Journey>? Journeys { get; }

    /// <summary>The distinct channel paths (aggregated from the journeys, repeats kept, rows in order of first appearance; or as read from a file).</summary>
    public PathTableColumns Paths => _paths.Value;

    /// <summary>Conversions credited: the converted journeys (or the paths' conversions).</summary>
    public double Conversions { get; }

    /// <summary>Their value.</summary>
    public double Value { get; }

    /// <summary>Conversions in the period without a touch.</summary>
    public long UntouchedConversions { get; }

    /// <summary>Their value.</summary>
    public double UntouchedValue { get; }

    /// <summary>Journeys; their paths are aggregated once, when a path-driven model first needs them.</summary>
    public static AttributionInput FromJourneys(IReadOnlyList<Journey> journeys, long untouchedConversions = 0, double untouchedValue = 0)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        var (conversions, value) = (0L, 0.0);
        foreach (var journey in journeys)
        {
            if (journey.Touches.Count == 0)
            {
                throw new ArgumentException($"journey of '{journey.ContactId}' has no touch", nameof(journeys));
            }

            if (journey.Converted)
            {
                (conversions, value) = (conversions + 1, value + journey.Value);
            }
        }

        return new AttributionInput(journeys, () => PathTable.AggregateColumns(journeys), conversions, value, untouchedConversions, untouchedValue);
    }

    /// <summary>A path table's columns (<see cref="PathTable.ReadColumns(string)"/>): the models that need touch times or campaigns do not run on it.</summary>
    public static AttributionInput FromPaths(PathTableColumns paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var (conversions, value) = (0.0, 0.0);
        for (var p = 0; p < paths.Count; p++)
        {
            conversions += paths.Conversions[p];
            value += paths.Conversions[p] > 0 ? paths.Values[p] : 0;
        }

        return new AttributionInput(null, () => paths, conversions, value, 0, 0);
    }

    /// <summary>A path table as rows.</summary>
    public static AttributionInput FromPaths(IReadOnlyList<ChannelPath> paths) => FromPaths(PathTableColumns.From(paths));
}
