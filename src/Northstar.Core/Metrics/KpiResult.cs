namespace Northstar.Core.Metrics;

/// <summary>The answer to a <see cref="MetricQuery"/>.</summary>
public sealed record KpiResult
{
    public required KpiDefinition Kpi { get; init; }

    public required MetricQuery Query { get; init; }

    /// <summary>The buckets, in time order.</summary>
    public required IReadOnlyList<KpiColumn> Columns { get; init; }

    /// <summary>With a breakdown, one row per group by total (largest first, "(none)" last); without, one row.</summary>
    public required IReadOnlyList<KpiRow> Rows { get; init; }

    /// <summary>With a breakdown, the all-groups row (null without one).</summary>
    public KpiRow? Overall { get; init; }

    /// <summary>Things the reader should know (an incomplete cohort, a missing setting).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
