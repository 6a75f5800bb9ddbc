using Northstar.Core.Metrics;
using Northstar.Core.Planning;

namespace Northstar.Core.Goals;

/// <summary>
/// A SMART goal: one KPI, a target for a period, who owns it and why it matters. The target of
/// a KPI whose direction is down-is-good (CAC, cost per lead, churn rate) is a ceiling: the
/// goal is met when the KPI stays at or below it.
/// </summary>
/// <param name="Id">A slug: lower-case letters, digits, '-' and '_' (e.g. <c>leads-2026</c>).</param>
/// <param name="Kpi">The KPI id, built-in or custom.</param>
/// <param name="Target">The value to reach by the period's end (a ceiling for a down-is-good KPI); above 0.
/// A double like every KPI value of the engine, money included.</param>
/// <param name="Period">The canonical period label ("2026", "FY2026", "2026-Q3", "2026-H2", "2026-07").</param>
public sealed record Goal(string Id, string Kpi, double Target, string Period)
{
    /// <summary>Who answers for the goal.</summary>
    public string? Owner { get; init; }

    /// <summary>What the goal is, in a sentence.</summary>
    public string? Description { get; init; }

    /// <summary>The business goal it serves ("grow new revenue 30%").</summary>
    public string? BusinessGoal { get; init; }

    /// <summary>The goal this one rolls up into, or null for a top-level goal.</summary>
    public string? ParentId { get; init; }

    /// <summary>The KPI tree under the goal's KPI: the sub-metrics watched with it (at most two advised).</summary>
    public IReadOnlyList<string> SubMetrics { get; init; } = [];

    /// <summary>
    /// Seasonal split: twelve weights, January first, for how the target spreads over the months;
    /// null splits it evenly (every whole month the same share).
    /// </summary>
    public IReadOnlyList<double>? MonthWeights { get; init; }

    /// <summary>How the target spreads over <paramref name="range"/> (the goal's period): even or by <see cref="MonthWeights"/>.</summary>
    public TargetSplit Split(DateRange range) =>
        MonthWeights is { } weights ? TargetSplit.Weighted(range, month => weights[month - 1]) : TargetSplit.Even(range);
}
