namespace Northstar.Core.Attribution.Reports;

/// <summary>Puts a model's MQL credits next to its revenue credits, channel by channel.</summary>
public static class InfluenceReport
{
    /// <summary>
    /// MQL share (of credited conversions in <paramref name="mqls"/>) against revenue share (of
    /// credited value in <paramref name="revenue"/>) per channel; both tables come from the same
    /// model, one on journeys to MQL, the other on journeys to a won deal.
    /// </summary>
    public static InfluenceTable Compute(CreditTable mqls, CreditTable revenue)
    {
        ArgumentNullException.ThrowIfNull(mqls);
        ArgumentNullException.ThrowIfNull(revenue);
        var channels = mqls.Rows.Select(r => r.Key).Union(revenue.Rows.Select(r => r.Key), StringComparer.Ordinal);
        var rows = channels
            .Select(channel =>
            {
                var mql = mqls.Find(channel);
                var won = revenue.Find(channel);
                var (mqlShare, revenueShare) = (mql?.ConversionShare ?? 0, won?.ValueShare ?? 0);
                return new InfluenceRow(channel, mql?.Conversions ?? 0, mqlShare, won?.Value ?? 0, revenueShare, revenueShare - mqlShare);
            })
            .OrderByDescending(r => Math.Abs(r.Difference)).ThenBy(r => r.Channel, StringComparer.Ordinal)
            .ToList();
        return new InfluenceTable(mqls.Model, rows, mqls.Conversions, revenue.Value, mqls.UntouchedConversions, revenue.UntouchedValue);
    }
}
