using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Facts;

namespace Northstar.Core.Attribution.Reports;

/// <summary>The workspace's attribution settings (<see cref="AttributionSettings"/>), defaults filled in.</summary>
/// <param name="LookbackDays">Touches older than this before the conversion are left out (default 90).</param>
/// <param name="TouchTypes">Event types that are touchpoints (default <see cref="JourneyOptions.DefaultTouchTypes"/>).</param>
/// <param name="HalfLifeDays">Time-decay half-life in days (default 7).</param>
/// <param name="CollapseRepeats">Markov: merge consecutive repeats of a channel (default true).</param>
public sealed record AttributionConfig(int LookbackDays, IReadOnlySet<EventType> TouchTypes, double HalfLifeDays, bool CollapseRepeats)
{
    /// <summary>Every default.</summary>
    public static AttributionConfig Default { get; } = new(90, JourneyOptions.DefaultTouchTypes, 7, true);

    /// <summary>The journey options for a conversion goal and period with these settings.</summary>
    public JourneyOptions Journeys(ConversionGoal conversion, Metrics.DateRange? period) => new()
    {
        Conversion = conversion,
        LookbackDays = LookbackDays,
        TouchTypes = TouchTypes,
        Period = period,
    };

    /// <summary>A model of that kind with these settings (Markov order 1, nulls included).</summary>
    public AttributionModel Model(AttributionModelKind kind) => new(kind, CollapseRepeats: CollapseRepeats, HalfLifeDays: HalfLifeDays);
}
