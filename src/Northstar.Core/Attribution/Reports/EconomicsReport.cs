using Northstar.Core.Facts;
using Northstar.Core.Metrics;

namespace Northstar.Core.Attribution.Reports;

/// <summary>ROI, ROAS and CAC per channel: the spend facts of the period against a model's credits.</summary>
public static class EconomicsReport
{
    /// <summary>The label of the untouched line.</summary>
    public const string UntouchedLabel = "(untouched)";

    /// <summary>The label of the total line.</summary>
    public const string TotalLabel = "total";

    /// <summary>
    /// Per channel: acquisition and media spend on the days of <paramref name="period"/> (all
    /// days when null), customers credited in <paramref name="customers"/> (journeys to the
    /// customer stage) and revenue credited in <paramref name="revenue"/> (journeys to a won
    /// deal), both under the same model.
    /// </summary>
    public static EconomicsTable Compute(CreditTable customers, CreditTable revenue, IEnumerable<Spend> spend, DateRange? period)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(revenue);
        ArgumentNullException.ThrowIfNull(spend);
        var money = new Dictionary<string, (decimal Acquisition, decimal Media)>(StringComparer.Ordinal);
        foreach (var fact in spend)
        {
            if (period is { } range && !range.Contains(fact.Date))
            {
                continue;
            }

            var sum = money.GetValueOrDefault(fact.Channel);
            money[fact.Channel] = (
                sum.Acquisition + (fact.Kind == SpendKind.Service ? 0 : fact.Amount),
                sum.Media + (fact.Kind == SpendKind.Media ? fact.Amount : 0));
        }

        var channels = money.Keys.Union(customers.Rows.Select(r => r.Key)).Union(revenue.Rows.Select(r => r.Key), StringComparer.Ordinal);
        var rows = channels
            .Select(c => Row(c, money.GetValueOrDefault(c), customers.Find(c)?.Conversions ?? 0, revenue.Find(c)?.Value ?? 0))
            .Where(r => r.AcquisitionSpend != 0 || r.MediaSpend != 0 || r.Customers != 0 || r.Revenue != 0)
            .OrderByDescending(r => r.AcquisitionSpend).ThenBy(r => r.Channel, StringComparer.Ordinal)
            .ToList();
        var untouched = Row(UntouchedLabel, (0, 0), customers.UntouchedConversions, revenue.UntouchedValue);
        var total = Row(
            TotalLabel,
            (money.Values.Sum(m => m.Acquisition), money.Values.Sum(m => m.Media)),
            customers.Conversions + customers.UntouchedConversions,
            revenue.Value + revenue.UntouchedValue);
        return new EconomicsTable(customers.Model, rows, untouched, total);
    }

    private static EconomicsRow Row(string channel, (decimal Acquisition, decimal Media) spend, double customers, double revenue) => new(
        channel,
        spend.Acquisition,
        spend.Media,
        customers,
        revenue,
        // No acquisition spend recorded: no CAC rather than 0, which would rank the channel cheapest
        // when its cost is only not recorded against it (direct, word of mouth).
        customers > 0 && spend.Acquisition > 0 ? spend.Acquisition / (decimal)customers : null,
        spend.Media > 0 ? revenue / (double)spend.Media : null,
        spend.Acquisition > 0 ? (revenue - (double)spend.Acquisition) / (double)spend.Acquisition : null);
}
