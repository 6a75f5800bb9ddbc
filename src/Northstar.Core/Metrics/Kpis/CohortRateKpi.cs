using System.Runtime.CompilerServices;
using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// Cohort conversion rate: of the contacts that entered <c>from</c> in the range, the share that
/// entered <c>to</c> within the window after (KPIS.md; never above 100%). A bucket whose cohort is
/// still inside its window is incomplete.
/// </summary>
internal sealed class CohortRateKpi(KpiDefinition definition, Stage from, Stage to) : Kpi(definition)
{
    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var (members, names) = Cohort(context, breakdown);
        return ContactGroups.Shares(members.In(range), names);
    }

    /// <summary>Incomplete while the window of the range's last day has not closed.</summary>
    public override bool IsIncomplete(MetricContext context, DateRange range) =>
        range.End.AddDays(context.Options.CohortWindowDays) > context.Today;

    /// <summary>
    /// Every contact that entered <c>from</c> and passes the breakdown's filters, with the day it
    /// entered, its group's number and whether it entered <c>to</c> within the window, sorted by
    /// day: worked out once per context and breakdown from the stage times
    /// (<see cref="MetricContext.StageTimes"/>), since a query by month asks for every bucket and
    /// the previous period.
    /// </summary>
    private Rows Cohort(MetricContext context, Breakdown breakdown) =>
        context.Derived((this, breakdown), () => Members(context, ContactGroups.Of(context, breakdown)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Rows Members(MetricContext context, ContactGroups groups)
    {
        var window = TimeSpan.FromDays(context.Options.CohortWindowDays).Ticks;
        var times = context.StageTimes;
        var starts = times.EnteredTicks(from);
        var ends = times.EnteredTicks(to);
        var members = new List<Member>();
        for (var i = 0; i < starts.Length; i++)
        {
            var start = starts[i];
            if (start == StageTimes.NotEntered || groups[i] < 0)
            {
                continue;
            }

            var end = ends[i];
            var converted = end != StageTimes.NotEntered && end >= start && end - start <= window;
            members.Add(new Member(context.Day(new DateTimeOffset(start, TimeSpan.Zero)), groups[i], converted));
        }

        return new Rows(new DayRows<Member>(members, m => m.Day), groups.Names);
    }

    private readonly record struct Member(DateOnly Day, int Group, bool Converted) : IGroupMember
    {
        public bool Hit => Converted;
    }

    private sealed record Rows(DayRows<Member> Members, IReadOnlyList<string> Names);
}
