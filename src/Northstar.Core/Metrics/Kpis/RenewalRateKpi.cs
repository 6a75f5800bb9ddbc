using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// Renewal rate: of the subscriptions due for renewal in the range whose outcome is known
/// (renewed true or false), the share renewed. By segment (the account's).
/// </summary>
internal sealed class RenewalRateKpi(KpiDefinition definition) : Kpi(definition)
{
    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var due = new Dictionary<string, (int Due, int Renewed)>(StringComparer.Ordinal);
        foreach (var subscription in context.Read<Subscription>())
        {
            if (subscription.RenewalDueAt is not { } at || subscription.Renewed is not { } renewed || !range.Contains(context.Day(at)))
            {
                continue;
            }

            var segment = breakdown.IsNone ? null : AccountMrr.Segment(context, subscription.AccountId ?? subscription.SubscriptionId);
            if (breakdown.Accepts(segment, static (s, _) => s))
            {
                var group = breakdown.GroupOf(segment, static (s, _) => s);
                var t = due.GetValueOrDefault(group);
                due[group] = (t.Due + 1, t.Renewed + (renewed ? 1 : 0));
            }
        }

        return due.ToDictionary(p => p.Key, p => (double?)p.Value.Renewed / p.Value.Due, StringComparer.Ordinal);
    }
}
