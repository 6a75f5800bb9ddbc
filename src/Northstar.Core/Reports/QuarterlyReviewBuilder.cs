using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Core.Reports;

/// <summary>
/// The quarterly high-level review (<c>report review</c>, the API's <c>reports/review</c>): the
/// headline KPIs by month of a quarter, against the quarter before.
/// </summary>
public static class QuarterlyReviewBuilder
{
    /// <summary>The headline KPIs of the review, in the order it shows them: the funnel, then money.</summary>
    public static IReadOnlyList<string> HeadlineKpis { get; } =
    [
        "sessions", "leads", "mqls", "sqls", "opportunities", "customers",
        "revenue_new", "pipeline_created", "spend", "cac", "roi", "ltv_to_cac",
    ];

    /// <summary>The reason a period cannot be reviewed (it is not a quarter), or null when it can.</summary>
    public static string? Problem(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Kind is PeriodKind.Quarter or PeriodKind.FiscalQuarter
            ? null
            : $"'{period.Label}' is a {period.Kind.ToString().ToLowerInvariant()} (try 2025-Q3 or last-quarter)";
    }

    /// <summary>
    /// Runs the headline KPIs on one engine (so the store is read once, and what they read is
    /// read at once: <see cref="MetricsEngine.RunAll"/>) for the quarter by month.
    /// </summary>
    public static QuarterlyReview Build(MetricsEngine engine, Period quarter)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(quarter);
        var previous = Comparisons.RangeFor(quarter, Comparison.PreviousPeriod, engine.Calendar)!;
        var results = engine.RunAll([.. HeadlineKpis
            .Select(id => new MetricQuery(id, quarter.Range, Grain.Month)
            {
                Label = quarter.Label,
                CompareWith = previous.Range,
                CompareLabel = previous.Label,
            })]);
        var rows = results
            .Select(r => new QuarterlyReviewRow(r.Kpi.Id, r.Kpi.Name, r.Kpi.Unit, r.Rows[0].Values, r.Rows[0].Total, r.Rows[0].Change))
            .ToList();
        var notes = results.SelectMany(r => r.Notes).Distinct(StringComparer.Ordinal).ToList();
        return new QuarterlyReview(quarter.Label, previous.Label, results[0].Columns, rows, notes);
    }
}
