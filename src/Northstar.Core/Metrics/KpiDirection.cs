namespace Northstar.Core.Metrics;

/// <summary>Whether a rise of the KPI is good news; it colours comparisons.</summary>
public enum KpiDirection
{
    /// <summary>Higher is better (leads, revenue, win rate).</summary>
    UpIsGood,

    /// <summary>Lower is better (CAC, churn rate, cost per lead).</summary>
    DownIsGood,

    /// <summary>Neither is better in itself (spend, sales cycle length for some teams).</summary>
    Neutral,
}
