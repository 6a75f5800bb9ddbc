namespace Northstar.Core.Metrics;

/// <summary>What a KPI's number measures; it decides formatting and which arithmetic makes sense.</summary>
public enum KpiUnit
{
    /// <summary>A number of things (sessions, leads, customers).</summary>
    Count,

    /// <summary>An amount of money in the workspace's currency.</summary>
    Money,

    /// <summary>A share or a ratio of like quantities (0.25 = 25%); ROI and rates are ratios.</summary>
    Ratio,

    /// <summary>A duration in days.</summary>
    Days,

    /// <summary>A score on its own scale (NPS from -100 to 100).</summary>
    Score,

    /// <summary>A duration in months (CAC payback).</summary>
    Months,
}
