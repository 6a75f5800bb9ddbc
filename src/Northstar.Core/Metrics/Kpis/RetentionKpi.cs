namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// Retention over a range, from account MRR at the range's start and at its end (the start of
/// the day after): churn rate (accounts), revenue churn rate (lost and downgraded MRR), net revenue
/// retention. An account live at the start counts however long ago it was acquired. By segment.
/// </summary>
internal sealed class RetentionKpi(KpiDefinition definition, RetentionMeasure measure) : Kpi(definition)
{
    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var start = AccountMrr.At(context, range.Start);
        var end = AccountMrr.At(context, range.End);
        var totals = new Dictionary<string, (double Accounts, double Lost, decimal StartMrr, decimal LostMrr, decimal EndMrr)>(StringComparer.Ordinal);
        // The breakdown asks for the segment only when it filters or groups (it reads every account).
        Func<string, string, string?> segment = (account, _) => AccountMrr.Segment(context, account);
        foreach (var (account, mrr) in start)
        {
            if (!breakdown.Accepts(account, segment))
            {
                continue;
            }

            var group = breakdown.GroupOf(account, segment);
            var now = end.GetValueOrDefault(account);
            var t = totals.GetValueOrDefault(group);
            totals[group] = (t.Accounts + 1, t.Lost + (now == 0 ? 1 : 0), t.StartMrr + mrr, t.LostMrr + Math.Max(0, mrr - now), t.EndMrr + now);
        }

        return totals.ToDictionary(
            p => p.Key,
            p => measure switch
            {
                RetentionMeasure.ChurnRate => p.Value.Lost / p.Value.Accounts,
                RetentionMeasure.RevenueChurnRate => p.Value.StartMrr == 0 ? null : (double)(p.Value.LostMrr / p.Value.StartMrr),
                _ => p.Value.StartMrr == 0 ? (double?)null : (double)(p.Value.EndMrr / p.Value.StartMrr),
            },
            StringComparer.Ordinal);
    }
}
