namespace Northstar.Core.Metrics.Kpis;

/// <summary>Which retention figure <see cref="RetentionKpi"/> gives.</summary>
internal enum RetentionMeasure
{
    /// <summary>Accounts live at the start that have no MRR at the end / accounts live at the start.</summary>
    ChurnRate,

    /// <summary>MRR at the start of the accounts lost / MRR at the start.</summary>
    RevenueChurnRate,

    /// <summary>MRR at the end of the accounts live at the start / their MRR at the start (expansion, contraction and churn included).</summary>
    NetRevenueRetention,
}
