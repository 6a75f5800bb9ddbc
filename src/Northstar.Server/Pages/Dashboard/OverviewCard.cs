using Northstar.Core.Goals;
using Northstar.Core.Metrics;

namespace Northstar.Server.Pages.Dashboard;

/// <summary>One KPI card of the overview.</summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Value">Its value over the period (null: none).</param>
/// <param name="Change">Against the previous period.</param>
/// <param name="Target">The period's target from a goal (a goal of the same period, or its share of a longer goal's); null without one.</param>
/// <param name="Pacing">The target's pacing on the as-of day; null without a target.</param>
/// <param name="Spark">The sparkline: the trailing months (or quarters) ending with the period.</param>
public sealed record OverviewCard(KpiDefinition Kpi, double? Value, KpiChange? Change, double? Target, GoalPacing? Pacing, SparkSeries Spark);

/// <summary>A chart's series: one label and value per bucket (null: no value, e.g. a ratio over zero).</summary>
public sealed record SparkSeries(IReadOnlyList<string> Labels, IReadOnlyList<double?> Values);
