using Northstar.Core.Facts;
using Northstar.Core.Metrics.Measures;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// SLA compliance: of the contacts entering MQL in the range, the share whose first sales activity
/// (call, sales email or meeting) at or after the MQL time came within the SLA (default 24 h).
/// An MQL never worked counts as a miss.
/// </summary>
internal sealed class SlaComplianceKpi(KpiDefinition definition) : Kpi(definition)
{
    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var activities = context.Read<Activity>()
            .Where(a => a.ContactId is not null && a.Kind != ActivityKind.Ticket)
            .GroupBy(a => a.ContactId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Timestamp).Order().ToArray(), StringComparer.Ordinal);
        var mqls = new Groups();
        var met = new Groups();
        foreach (var contact in context.Lifecycles)
        {
            if (contact.EnteredAt(Stage.Mql) is not { } mql || !range.Contains(context.Day(mql)) || !breakdown.Accepts(contact, ContactDimensions.Get))
            {
                continue;
            }

            var group = breakdown.GroupOf(contact, ContactDimensions.Get);
            mqls.AddTo(group, 1);
            if (activities.TryGetValue(contact.ContactId, out var times)
                && times.FirstOrDefault(t => t >= mql) is var first && first != default && first - mql <= context.Options.SalesSla)
            {
                met.AddTo(group, 1);
            }
        }

        return mqls.ToDictionary(p => p.Key, p => (double?)(met.Of(p.Key) / p.Value), StringComparer.Ordinal);
    }
}
