namespace Northstar.Core.Metrics;

/// <summary>The size of the buckets a period is cut into.</summary>
public enum Grain
{
    /// <summary>One bucket for the whole period.</summary>
    Total,

    Day,

    /// <summary>ISO weeks, Monday to Sunday.</summary>
    Week,

    Month,

    /// <summary>Quarters of the fiscal year (calendar quarters when the fiscal year starts in January).</summary>
    Quarter,

    /// <summary>Fiscal years (calendar years when the fiscal year starts in January).</summary>
    Year,
}
