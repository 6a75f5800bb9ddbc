using Northstar.Core.Facts;
using Northstar.Core.Metrics.Measures;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// Stage velocity: a percentile (median or p90) of the days from entering <c>from</c> to entering
/// <c>to</c>, over the contacts that entered <c>to</c> in the range (transitions completed in the period).
/// </summary>
internal sealed class VelocityKpi(KpiDefinition definition, Stage from, Stage to, double percentile) : Kpi(definition)
{
    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var days = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var contact in context.Lifecycles)
        {
            if (contact.EnteredAt(to) is not { } end || !range.Contains(context.Day(end))
                || contact.EnteredAt(from) is not { } start || start > end
                || !breakdown.Accepts(contact, ContactDimensions.Get))
            {
                continue;
            }

            var group = breakdown.GroupOf(contact, ContactDimensions.Get);
            if (!days.TryGetValue(group, out var list))
            {
                days[group] = list = [];
            }

            list.Add((end - start).TotalDays);
        }

        return days.ToDictionary(p => p.Key, p => Percentiles.Of(p.Value, percentile), StringComparer.Ordinal);
    }
}
