using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// Form drop-off: of the form starts, the share that left at each field. Fields are ordered by how
/// many reached them (form_field events, most first); those who left at a field reached it and not
/// the next one (after the last field: not the submission). Broken down by field it gives the share
/// per field; without a breakdown, the share that never submitted. Counts events (one form_field per
/// visitor and field), like GA4's funnel steps counted by event.
/// </summary>
internal sealed class FormDropOffKpi(KpiDefinition definition) : Kpi(definition)
{
    private static readonly EventType[] Types = [EventType.FormStart, EventType.FormField, EventType.FormSubmit];

    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var filters = new Breakdown(null, breakdown.Filters.Where(f => f.Dimension != Dimensions.Field).ToList());
        double starts = 0, submits = 0;
        var reached = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (ref readonly var row in context.Events(Types).In(range))
        {
            if (!filters.Accepts(row.Dims, static (d, name) => d.Get(name)))
            {
                continue;
            }

            switch (row.Type)
            {
                case EventType.FormStart: starts += row.Count; break;
                case EventType.FormSubmit: submits += row.Count; break;
                default: reached[row.Dims.Field ?? Dimensions.None] = reached.GetValueOrDefault(row.Dims.Field ?? Dimensions.None) + row.Count; break;
            }
        }

        if (starts == 0)
        {
            return new Dictionary<string, double?>();
        }

        if (breakdown.By != Dimensions.Field)
        {
            return new Dictionary<string, double?> { [Breakdown.Total] = 1 - (submits / starts) };
        }

        var ordered = reached.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, double?>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            var next = i + 1 < ordered.Count ? ordered[i + 1].Value : submits;
            result[ordered[i].Key] = Math.Max(0, ordered[i].Value - next) / starts;
        }

        return result;
    }
}
