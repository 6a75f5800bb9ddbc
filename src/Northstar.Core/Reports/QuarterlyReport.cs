using Northstar.Core.Alerts;
using Northstar.Core.Diagnostics;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Core.Reports;

/// <summary>
/// The report a marketing lead brings to the CEO for one quarter: each goal with its target,
/// actual to date, pacing, forecast and probability; the funnel against plan with its
/// bottleneck; where to focus next quarter; and the alerts. Exact values; rounding is for display.
/// </summary>
/// <param name="Quarter">The quarter reported on.</param>
/// <param name="AsOf">The first day not counted: the day the report was made, or the quarter's end once it is over.</param>
/// <param name="Goals">The goals whose period overlaps the quarter, each followed by its sub-goals (with their depth).</param>
/// <param name="Funnel">The quarter's funnel against plan (null when no plan could be formed: see <see cref="FunnelProblem"/>).</param>
/// <param name="FunnelProblem">Why there is no funnel diagnosis, or null.</param>
/// <param name="Focus">Where to focus next quarter: the focus areas of the stages that lost customers, most lost first (at most two).</param>
/// <param name="Alerts">Goals off track or at risk, then daily outliers of the headline KPIs, most urgent first.</param>
/// <param name="Notes">What the reader should know (the quarter is not over, how the plan was formed, days not judged).</param>
public sealed record QuarterlyReport(
    Period Quarter,
    DateOnly AsOf,
    IReadOnlyList<GoalLine> Goals,
    FunnelDiagnosis? Funnel,
    string? FunnelProblem,
    IReadOnlyList<FocusLine> Focus,
    IReadOnlyList<Alert> Alerts,
    IReadOnlyList<string> Notes);
