namespace Northstar.Core.Metrics;

/// <summary>One line of a result: a group (or the total) with a value per bucket and for the whole period.</summary>
/// <param name="Group">The dimension value; <see cref="Breakdown.Total"/> ("") when the query has no breakdown.</param>
/// <param name="Values">One value per column of the result (null: no value, e.g. a rate over zero).</param>
/// <param name="Total">The value over the whole period (not the sum of the buckets for a ratio).</param>
/// <param name="Change">Against the comparison range, when the query has one.</param>
public sealed record KpiRow(string Group, IReadOnlyList<double?> Values, double? Total, KpiChange? Change);
