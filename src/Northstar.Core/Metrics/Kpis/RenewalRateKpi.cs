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
        // The breakdown asks for the segment only when it filters or groups (it reads every account).
        Func<Subscription, string, string?> segment = (s, _) => AccountMrr.Segment(context, s.AccountId ?? s.SubscriptionId);
        foreach (var subscription in context.Read<Subscription>())
        {
            if (subscription.RenewalDueAt is not { } at || subscription.Renewed is not { } renewed || !range.Contains(context.Day(at)))
            {
                continue;
            }

            if (breakdown.Accepts(subscription, segment))
            {
                var group = breakdown.GroupOf(subscription, segment);
                var t = due.GetValueOrDefault(group);
                due[group] = (t.Due + 1, t.Renewed + (renewed ? 1 : 0));
            }
        }

        return due.ToDictionary(p => p.Key, p => (double?)p.Value.Renewed / p.Value.Due, StringComparer.Ordinal);
    }
}
