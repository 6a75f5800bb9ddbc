namespace Northstar.Core.Metrics;

/// <summary>
/// One question to the metrics: a KPI over a date range, cut into buckets of a grain, optionally
/// broken down by a dimension and filtered, compared with another range. The CLI, the API,
/// the dashboard and goals all ask in this shape.
/// </summary>
/// <param name="Kpi">The KPI id, built-in or custom.</param>
/// <param name="Range">The period (local days of the workspace).</param>
/// <param name="Grain">The buckets inside the period.</param>
public sealed record MetricQuery(string Kpi, DateRange Range, Grain Grain = Grain.Total)
{
    /// <summary>A label for the period as the user named it (e.g. "2025-Q3"); defaults to the range.</summary>
    public string? Label { get; init; }

    /// <summary>The dimension to break down by (null: one row).</summary>
    public string? By { get; init; }

    /// <summary>Filters that every fact must pass.</summary>
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    /// <summary>The range to compare with (previous period or same period last year), or null.</summary>
    public DateRange? CompareWith { get; init; }

    /// <summary>A label for the comparison range (e.g. "2025-Q2").</summary>
    public string? CompareLabel { get; init; }
}
