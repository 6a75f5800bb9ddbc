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
        foreach (var transition in Transitions(context, breakdown).In(range))
        {
            if (!days.TryGetValue(transition.Group, out var list))
            {
                days[transition.Group] = list = [];
            }

            list.Add(transition.Days);
        }

        return days.ToDictionary(p => p.Key, p => Percentiles.Of(p.Value, percentile), StringComparer.Ordinal);
    }

    /// <summary>
    /// Every contact that entered <c>from</c> and then <c>to</c> and passes the breakdown's filters,
    /// with the day it entered <c>to</c>, its group and the days between, sorted by day: worked out
    /// once per context and breakdown (shared by the median and the p90 of one transition), since
    /// a query by month asks for every bucket and the previous period.
    /// </summary>
    private DayRows<Transition> Transitions(MetricContext context, Breakdown breakdown) =>
        context.Derived((typeof(VelocityKpi), from, to, breakdown), () =>
        {
            var transitions = new List<Transition>();
            foreach (var contact in context.Lifecycles)
            {
                if (contact.EnteredAt(to) is not { } end || contact.EnteredAt(from) is not { } start || start > end
                    || !breakdown.Accepts(contact, ContactDimensions.Get))
                {
                    continue;
                }

                transitions.Add(new Transition(context.Day(end), breakdown.GroupOf(contact, ContactDimensions.Get), (end - start).TotalDays));
            }

            return new DayRows<Transition>(transitions, t => t.Day);
        });

    private readonly record struct Transition(DateOnly Day, string Group, double Days);
}
