using Northstar.Core.Facts;
using Northstar.Core.Metrics.Measures;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// A statistic over the deals with a moment in the range that pass a test: the mean or median of
/// a per-deal value, or the ratio of two sums over the same deals (a cohort of deals).
/// </summary>
internal sealed class DealAggregateKpi(
    KpiDefinition definition,
    Func<Deal, DateTimeOffset?> when,
    Func<Deal, bool> where,
    Func<Deal, double?> value,
    DealAggregate aggregate,
    Func<Deal, double>? denominator = null) : Kpi(definition)
{
    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var values = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var denominators = new Groups();
        foreach (var deal in context.Read<Deal>())
        {
            var row = new DealDimensions(deal, context);
            if (when(deal) is not { } at || !range.Contains(context.Day(at)) || !where(deal) || !breakdown.Accepts(row, DealDimensions.Get))
            {
                continue;
            }

            var group = breakdown.GroupOf(row, DealDimensions.Get);
            if (!values.TryGetValue(group, out var list))
            {
                values[group] = list = [];
            }

            if (value(deal) is { } v)
            {
                list.Add(v);
            }

            denominators.AddTo(group, denominator?.Invoke(deal) ?? 0);
        }

        return values.ToDictionary(p => p.Key, p => Aggregate(p.Value, denominators.Of(p.Key)), StringComparer.Ordinal);
    }

    private double? Aggregate(List<double> values, double denominator) => aggregate switch
    {
        DealAggregate.Mean => values.Count == 0 ? null : values.Average(),
        DealAggregate.Median => Percentiles.Of(values, 0.5),
        _ => denominator == 0 ? null : values.Sum() / denominator,
    };
}
