namespace Northstar.Core.Metrics.Kpis;

/// <summary>Which retention figure <see cref="RetentionKpi"/> gives.</summary>
internal enum RetentionMeasure
{
    /// <summary>Accounts live at the start that have no MRR at the end / accounts live at the start.</summary>
    ChurnRate,

    /// <summary>
    /// Gross revenue churn: MRR lost (the start MRR of the accounts lost, plus the drop of those kept
    /// with less) / MRR at the start; expansion does not offset it (gross revenue churn: churned plus contraction MRR).
    /// </summary>
    RevenueChurnRate,

    /// <summary>MRR at the end of the accounts live at the start / their MRR at the start (expansion, contraction and churn included).</summary>
    NetRevenueRetention,
}
