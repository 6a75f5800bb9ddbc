using Northstar.Core.Metrics;

namespace Northstar.Core.Planning;

/// <summary>
/// The provenance of one planning input (a rate or the deal size): typed in, or measured from
/// history with the KPIs behind it, the look-back range, the channel and how many contacts or
/// deals it rests on.
/// </summary>
/// <param name="Kind">Typed or from history.</param>
/// <param name="Description">One line a reader understands: "typed in", "leads / sessions over 2025-01-01..2025-12-31".</param>
public sealed record PlanSource(PlanSourceKind Kind, string Description)
{
    /// <summary>Typed in by the user.</summary>
    public static PlanSource Typed { get; } = new(PlanSourceKind.Typed, "typed in");

    /// <summary>The KPIs it was computed from (<c>leads / sessions</c>), for history.</summary>
    public string? Formula { get; init; }

    /// <summary>The look-back range, for history.</summary>
    public DateRange? Range { get; init; }

    /// <summary>The channel the history was filtered to, or null for all channels.</summary>
    public string? Channel { get; init; }

    /// <summary>How many contacts (or won deals) the value rests on: the denominator's count.</summary>
    public double? Basis { get; init; }
}
