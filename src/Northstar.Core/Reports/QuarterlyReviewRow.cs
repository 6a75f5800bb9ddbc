using Northstar.Core.Metrics;

namespace Northstar.Core.Reports;

/// <summary>One headline KPI in the quarterly review.</summary>
/// <param name="Kpi">Its id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Unit">How its values read.</param>
/// <param name="Months">One value per month of the quarter.</param>
/// <param name="Total">Over the whole quarter (not a sum for a ratio).</param>
/// <param name="Change">Against the previous quarter's total.</param>
public sealed record QuarterlyReviewRow(string Kpi, string Name, KpiUnit Unit, IReadOnlyList<double?> Months, double? Total, KpiChange? Change);
