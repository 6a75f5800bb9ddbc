using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// Customer lifetime value, predicted for live customers: average MRR per account live at the end
/// of the range x gross margin / monthly churn rate over the range (the gross margin takes out the
/// cost to serve; acquisition cost is left to <c>ltv_to_cac</c>). No churn in the range: no value.
/// Also gives the pieces CAC payback needs.
/// </summary>
internal sealed class ClvKpi(KpiDefinition definition) : Kpi(definition)
{
    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown) =>
        new Dictionary<string, double?> { [Breakdown.Total] = Value(context, range) };

    public override void Needs(ReadNeeds needs, Breakdown breakdown)
    {
        ArgumentNullException.ThrowIfNull(needs);
        needs.Kind<Subscription>();
    }

    public static double? Value(MetricContext context, DateRange range)
    {
        var start = AccountMrr.At(context, range.Start);
        var end = AccountMrr.At(context, range.End);
        if (start.Count == 0 || end.Count == 0 || range.Days == 0)
        {
            return null;
        }

        var lost = start.Keys.Count(account => !end.ContainsKey(account));
        var months = range.Days / (365.2425 / 12);
        var monthlyChurn = (double)lost / start.Count / months;
        var arpa = (double)end.Values.Sum() / end.Count;
        return monthlyChurn == 0 ? null : arpa * context.Options.GrossMargin / monthlyChurn;
    }

    /// <summary>
    /// A new customer's monthly revenue: over the accounts whose first subscription started in the
    /// range (a subscription without account is its own), the mean MRR of their subscriptions started
    /// in the range; an existing account's new subscription is expansion, not a new customer. Null when none.
    /// </summary>
    public static double? NewCustomerMrr(MetricContext context, DateRange range)
    {
        var newAccounts = context.Read<Subscription>()
            .GroupBy(s => s.AccountId ?? s.SubscriptionId, StringComparer.Ordinal)
            .Where(account => range.Contains(account.Min(s => context.Day(s.StartedAt))))
            .Select(account => account.Where(s => range.Contains(context.Day(s.StartedAt))).Sum(s => s.Mrr))
            .ToList();
        return newAccounts.Count == 0 ? null : (double)newAccounts.Average();
    }
}
