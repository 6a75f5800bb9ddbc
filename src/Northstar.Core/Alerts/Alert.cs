namespace Northstar.Core.Alerts;

/// <summary>Something a marketing lead should look at, with the sentence that says why.</summary>
/// <param name="Kind">Pacing or outlier.</param>
/// <param name="KpiId">The KPI concerned.</param>
/// <param name="Severity">How urgent.</param>
/// <param name="Why">The reason with its numbers, e.g. "2025-08-14: 212 sessions, 3.9 robust SD above the median of the previous 8 Thursdays (118)".</param>
public sealed record Alert(AlertKind Kind, string KpiId, AlertSeverity Severity, string Why)
{
    /// <summary>The goal, for a pacing alert.</summary>
    public string? GoalId { get; init; }

    /// <summary>The period as named ("2025-Q3"), for a pacing alert.</summary>
    public string? Period { get; init; }

    /// <summary>The day, for an outlier.</summary>
    public DateOnly? Day { get; init; }

    /// <summary>The value that raised it (actual to date, or the day's value).</summary>
    public double? Value { get; init; }

    /// <summary>What it was held against (target to date, or the history's median).</summary>
    public double? Reference { get; init; }

    /// <summary>The robust z-score of an outlier (infinite when its history is flat).</summary>
    public double? Score { get; init; }
}
