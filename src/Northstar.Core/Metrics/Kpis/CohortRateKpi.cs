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
        var window = TimeSpan.FromDays(context.Options.CohortWindowDays);
        var entered = new Groups();
        var converted = new Groups();
        foreach (var contact in context.Lifecycles)
        {
            if (contact.EnteredAt(from) is not { } start || !range.Contains(context.Day(start))
                || !breakdown.Accepts(contact, ContactDimensions.Get))
            {
                continue;
            }

            var group = breakdown.GroupOf(contact, ContactDimensions.Get);
            entered.AddTo(group, 1);
            if (contact.EnteredAt(to) is { } end && end >= start && end - start <= window)
            {
                converted.AddTo(group, 1);
            }
        }

        return entered.ToDictionary(p => p.Key, p => (double?)(converted.Of(p.Key) / p.Value), StringComparer.Ordinal);
    }

    /// <summary>Incomplete while the window of the range's last day has not closed.</summary>
    public override bool IsIncomplete(MetricContext context, DateRange range) =>
        range.End.AddDays(context.Options.CohortWindowDays) > context.Today;
}
