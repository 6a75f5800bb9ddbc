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

    /// <summary>Mean MRR of the subscriptions started in the range (a new customer's monthly revenue); null when none.</summary>
    public static double? NewCustomerMrr(MetricContext context, DateRange range)
    {
        var started = context.Read<Subscription>().Where(s => range.Contains(context.Day(s.StartedAt))).ToList();
        return started.Count == 0 ? null : (double)started.Average(s => s.Mrr);
    }
}
