namespace Northstar.Core.Diagnostics;

/// <summary>Which history stands in for a plan when none is set.</summary>
public enum HistoryBasis
{
    /// <summary>The four whole quarters (of the period's length) before the period: pooled rates, mean sessions. The default.</summary>
    PreviousFourPeriods,

    /// <summary>The same period one year earlier (keeps seasonality, but one period is noisier).</summary>
    SamePeriodLastYear,
}
