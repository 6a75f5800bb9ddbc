namespace Northstar.Core.Planning;

/// <summary>How a plan was split over months, and on what basis.</summary>
/// <param name="Mode">Even or seasonal.</param>
/// <param name="Basis">For a person: "even: the same share per whole month" or which history the weights come from.</param>
/// <param name="MonthWeights">For a seasonal split, the weight of each month of the year (January first, mean 1); null when even.</param>
public sealed record PlanSplit(PlanSplitMode Mode, string Basis, IReadOnlyList<double>? MonthWeights = null)
{
    /// <summary>The even split.</summary>
    public static PlanSplit Even { get; } = new(PlanSplitMode.Even, "even: the same share for every whole month");

    /// <summary>The <see cref="TargetSplit"/> of <paramref name="period"/> this split describes.</summary>
    public TargetSplit For(Metrics.DateRange period) =>
        MonthWeights is { } weights ? TargetSplit.Weighted(period, month => weights[month - 1]) : TargetSplit.Even(period);
}
