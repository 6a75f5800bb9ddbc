using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Metrics.Measures;

/// <summary>
/// Events of some types, counted (or their values summed), from the daily event rollup; without
/// grouping or filters, from its daily totals (a row a day instead of one per dimension set).
/// </summary>
internal sealed class EventMeasure(string name, IReadOnlyList<EventType> types, string definition, bool sumValue = false)
    : Measure(name, sumValue ? KpiUnit.Money : KpiUnit.Count, EventDims.Names, definition)
{
    public IReadOnlyList<EventType> Types { get; } = types;

    public override void Accumulate(MetricContext context, DateRange range, Breakdown breakdown, Groups groups)
    {
        var rows = IsTotal(breakdown) ? context.EventTotals(Types) : context.Events(Types);
        foreach (ref readonly var row in rows.In(range))
        {
            var dims = row.Dims;
            if (breakdown.Accepts(dims, static (d, name) => d.Get(name)))
            {
                groups.AddTo(breakdown.GroupOf(dims, static (d, name) => d.Get(name)), sumValue ? (double)row.Value : row.Count);
            }
        }
    }

    public override void Needs(ReadNeeds needs, Breakdown breakdown)
    {
        if (IsTotal(breakdown))
        {
            needs.EventTotals(Types);
        }
        else
        {
            needs.Events(Types);
        }
    }

    private static bool IsTotal(Breakdown breakdown) => breakdown.By is null && breakdown.Filters.Count == 0;
}
