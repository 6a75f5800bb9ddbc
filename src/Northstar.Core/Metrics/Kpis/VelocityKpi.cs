using System.Runtime.CompilerServices;
using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// Stage velocity: a percentile (median or p90) of the days from entering <c>from</c> to entering
/// <c>to</c>, over the contacts that entered <c>to</c> in the range (transitions completed in the period).
/// </summary>
internal sealed class VelocityKpi(KpiDefinition definition, Stage from, Stage to, double percentile) : Kpi(definition)
{
    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var (transitions, names) = Transitions(context, breakdown);
        var days = new List<double>?[names.Count];
        var order = new List<int>();
        foreach (var transition in transitions.In(range))
        {
            if (days[transition.Group] is not { } list)
            {
                days[transition.Group] = list = [];
                order.Add(transition.Group);
            }

            list.Add(transition.Days);
        }

        return order.ToDictionary(g => names[g], g => Percentiles.Of(days[g]!, percentile), StringComparer.Ordinal);
    }

    /// <summary>
    /// Every contact that entered <c>from</c> and then <c>to</c> and passes the breakdown's filters,
    /// with the day it entered <c>to</c>, its group's number and the days between, sorted by day:
    /// worked out once per context and breakdown (shared by the median and the p90 of one
    /// transition), since a query by month asks for every bucket and the previous period.
    /// </summary>
    private Rows Transitions(MetricContext context, Breakdown breakdown) =>
        context.Derived((typeof(VelocityKpi), from, to, breakdown), () => Build(context, ContactGroups.Of(context, breakdown)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Rows Build(MetricContext context, ContactGroups groups)
    {
        var times = context.StageTimes;
        var starts = times.EnteredTicks(from);
        var ends = times.EnteredTicks(to);
        var transitions = new List<Transition>();
        for (var i = 0; i < ends.Length; i++)
        {
            var (start, end) = (starts[i], ends[i]);
            if (end == StageTimes.NotEntered || start == StageTimes.NotEntered || start > end || groups[i] < 0)
            {
                continue;
            }

            transitions.Add(new Transition(context.Day(new DateTimeOffset(end, TimeSpan.Zero)), groups[i], TimeSpan.FromTicks(end - start).TotalDays));
        }

        return new Rows(new DayRows<Transition>(transitions, t => t.Day), groups.Names);
    }

    private readonly record struct Transition(DateOnly Day, int Group, double Days);

    private sealed record Rows(DayRows<Transition> Transitions, IReadOnlyList<string> Names);
}
