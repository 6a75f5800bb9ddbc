using Northstar.Core.Goals;

namespace Northstar.Core.Alerts;

/// <summary>One goal's pacing, as <see cref="PacingAlerts.From"/> reads it.</summary>
/// <param name="GoalId">The goal.</param>
/// <param name="KpiId">Its KPI.</param>
/// <param name="Status">On track, at risk or off track (decided by pacing and its thresholds).</param>
/// <param name="Actual">The KPI's actual value to date.</param>
/// <param name="TargetToDate">The target due by <see cref="AsOf"/>.</param>
public sealed record PacingInput(string GoalId, string KpiId, PacingStatus Status, double Actual, double TargetToDate)
{
    /// <summary>The goal's period as named ("2025-Q3").</summary>
    public string? Period { get; init; }

    /// <summary>The day the pacing was computed for (the target to date is due before it).</summary>
    public DateOnly? AsOf { get; init; }
}
