using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// Form drop-off: of the form starts, the share that left at each field. Fields are ordered by how
/// many reached them (form_field events, most first); those who left at a field reached it and not
/// the next one (after the last field: not the submission); those who started and reached no field
/// are the "(none)" field. Broken down by field it gives the share per field (they add up to the
/// share that never submitted); filtered to fields, the sum of their shares; otherwise, per group,
/// the share that never submitted. Counts events (one form_field per visitor and field), like
/// GA4's funnel steps counted by event.
/// </summary>
internal sealed class FormDropOffKpi(KpiDefinition definition) : Kpi(definition)
{
    private static readonly EventType[] Types = [EventType.FormStart, EventType.FormField, EventType.FormSubmit];

    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var fieldFilters = breakdown.Filters.Where(f => f.Dimension == Dimensions.Field).ToList();
        var byField = breakdown.By == Dimensions.Field;
        var others = new Breakdown(byField ? null : breakdown.By, [.. breakdown.Filters.Where(f => f.Dimension != Dimensions.Field)]);
        var counts = Count(context, range, others);
        var result = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var (group, (starts, submits, reached)) in counts.Where(p => p.Value.Starts > 0))
        {
            if (!byField && fieldFilters.Count == 0)
            {
                result[group] = 1 - (submits / starts);
                continue;
            }

            var shares = PerField(starts, submits, reached).Where(p => fieldFilters.All(f => f.Accepts(p.Key == Dimensions.None ? null : p.Key)));
            if (byField)
            {
                foreach (var (field, share) in shares)
                {
                    result[field] = share;
                }
            }
            else
            {
                result[group] = shares.Sum(p => p.Value);
            }
        }

        return result;
    }

    /// <summary>Form starts, submissions and events per field reached, per group of <paramref name="others"/>.</summary>
    private static Dictionary<string, (double Starts, double Submits, Dictionary<string, double> Reached)> Count(
        MetricContext context, DateRange range, Breakdown others)
    {
        var counts = new Dictionary<string, (double Starts, double Submits, Dictionary<string, double> Reached)>(StringComparer.Ordinal);
        foreach (ref readonly var row in context.Events(Types).In(range))
        {
            if (!others.Accepts(row.Dims, static (d, name) => d.Get(name)))
            {
                continue;
            }

            var group = others.GroupOf(row.Dims, static (d, name) => d.Get(name));
            if (!counts.TryGetValue(group, out var c))
            {
                counts[group] = c = (0, 0, new Dictionary<string, double>(StringComparer.Ordinal));
            }

            var field = row.Dims.Field ?? Dimensions.None;
            switch (row.Type)
            {
                case EventType.FormStart: counts[group] = c with { Starts = c.Starts + row.Count }; break;
                case EventType.FormSubmit: counts[group] = c with { Submits = c.Submits + row.Count }; break;
                default: c.Reached[field] = c.Reached.GetValueOrDefault(field) + row.Count; break;
            }
        }

        return counts;
    }

    /// <summary>The share of the starts that left at each field, and before any field ("(none)").</summary>
    private static Dictionary<string, double> PerField(double starts, double submits, Dictionary<string, double> reached)
    {
        var ordered = reached.Where(p => p.Key != Dimensions.None)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        var first = ordered.Count > 0 ? ordered[0].Value : submits;
        if (starts > first)
        {
            shares[Dimensions.None] = (starts - first) / starts;
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            var next = i + 1 < ordered.Count ? ordered[i + 1].Value : submits;
            shares[ordered[i].Key] = Math.Max(0, ordered[i].Value - next) / starts;
        }

        return shares;
    }
}
