using Northstar.Core.Facts;
using Northstar.Core.Metrics.Measures;

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
        var entered = new Groups();
        var converted = new Groups();
        foreach (var member in Cohort(context, breakdown).In(range))
        {
            entered.AddTo(member.Group, 1);
            if (member.Converted)
            {
                converted.AddTo(member.Group, 1);
            }
        }

        return entered.ToDictionary(p => p.Key, p => (double?)(converted.Of(p.Key) / p.Value), StringComparer.Ordinal);
    }

    /// <summary>Incomplete while the window of the range's last day has not closed.</summary>
    public override bool IsIncomplete(MetricContext context, DateRange range) =>
        range.End.AddDays(context.Options.CohortWindowDays) > context.Today;

    /// <summary>
    /// Every contact that entered <c>from</c> and passes the breakdown's filters, with the day it
    /// entered, its group and whether it entered <c>to</c> within the window, sorted by day: worked
    /// out once per context and breakdown, since a query by month asks for every bucket and the
    /// previous period (at 100M events, 369k lifecycles visited 14 times or more).
    /// </summary>
    private DayRows<Member> Cohort(MetricContext context, Breakdown breakdown) =>
        context.Derived((this, breakdown), () =>
        {
            var window = TimeSpan.FromDays(context.Options.CohortWindowDays);
            var members = new List<Member>();
            foreach (var contact in context.Lifecycles)
            {
                if (contact.EnteredAt(from) is not { } start || !breakdown.Accepts(contact, ContactDimensions.Get))
                {
                    continue;
                }

                var converted = contact.EnteredAt(to) is { } end && end >= start && end - start <= window;
                members.Add(new Member(context.Day(start), breakdown.GroupOf(contact, ContactDimensions.Get), converted));
            }

            return new DayRows<Member>(members, m => m.Day);
        });

    private readonly record struct Member(DateOnly Day, string Group, bool Converted);
}
