namespace Northstar.Core.Metrics.Periods;

/// <summary>What a period is compared with.</summary>
public enum Comparison
{
    /// <summary>No comparison.</summary>
    None,

    /// <summary>The period of the same kind just before (the previous month, the previous 30 days).</summary>
    PreviousPeriod,

    /// <summary>The same month, quarter, week number or dates one year earlier.</summary>
    SamePeriodLastYear,
}
