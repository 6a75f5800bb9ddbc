using Northstar.Core.Metrics;

namespace Northstar.Core.Reports;

/// <summary>The quarterly high-level review: headline KPIs by month of the quarter, against the previous quarter.</summary>
/// <param name="Period">The quarter, e.g. 2025-Q3 or FY2026-Q1.</param>
/// <param name="PreviousPeriod">The quarter before.</param>
/// <param name="Months">The months of the quarter (the columns).</param>
/// <param name="Rows">One per headline KPI, in review order.</param>
/// <param name="Notes">What the reader should know, each note once.</param>
public sealed record QuarterlyReview(
    string Period, string PreviousPeriod, IReadOnlyList<KpiColumn> Months, IReadOnlyList<QuarterlyReviewRow> Rows, IReadOnlyList<string> Notes);
