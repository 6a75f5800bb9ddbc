using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Core.Goals;

/// <summary>
/// The outcome of <see cref="GoalValidator.Check"/>: the goal as it should be saved (period
/// label made canonical, sub-metrics without repeats), or the reasons it cannot be; and the
/// warnings to show either way.
/// </summary>
public sealed record GoalCheck
{
    /// <summary>The goal to save; null when <see cref="Errors"/> is not empty.</summary>
    public Goal? Goal { get; init; }

    /// <summary>The goal's period; null when it did not parse.</summary>
    public Period? Period { get; init; }

    /// <summary>The goal's KPI; null when unknown.</summary>
    public KpiDefinition? Kpi { get; init; }

    /// <summary>Why the goal cannot be saved, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>What the user should know (more than two sub-metrics, a ceiling target, a period already over).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>True when the goal can be saved.</summary>
    public bool IsValid => Errors.Count == 0;
}
