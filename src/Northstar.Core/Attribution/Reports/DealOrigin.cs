using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Attribution.Reports;

/// <summary>
/// A deal created in the period and the channel that sourced it, as the pipeline KPIs break
/// deals down by channel (<c>northstar kpi pipeline_created --by channel</c>): the deal contact's
/// original source, <see cref="ContactLifecycle.Channel"/> (the channel of its first touch ever,
/// identity-resolved and with no look-back window; without a touch, the channel on the contact's
/// own row).
/// </summary>
/// <param name="DealId">The deal.</param>
/// <param name="Channel">The original source; null when the deal has no contact, or its contact neither a touch nor a channel of its own.</param>
/// <param name="Amount">The deal's amount (0 when unknown).</param>
public sealed record DealOrigin(string DealId, string? Channel, double Amount)
{
    /// <summary>
    /// The deals created on a local day (in <paramref name="timeZone"/>, an IANA id) of
    /// <paramref name="period"/> (all days when null), in the order read, each with its contact's
    /// original source. A deal recorded on an account only has no known source here, as in the KPIs.
    /// </summary>
    public static IReadOnlyList<DealOrigin> CreatedIn(IEnumerable<Deal> deals, IEnumerable<ContactLifecycle> lifecycles, string timeZone, DateRange? period)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(lifecycles);
        var channels = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var lifecycle in lifecycles)
        {
            channels[lifecycle.ContactId] = string.IsNullOrEmpty(lifecycle.Channel) ? null : lifecycle.Channel;
        }

        var days = new LocalDays(timeZone);
        var origins = new List<DealOrigin>();
        foreach (var deal in deals)
        {
            if (period is { } range && !range.Contains(days.DayOf(deal.CreatedAt)))
            {
                continue;
            }

            var channel = deal.ContactId is { } contact ? channels.GetValueOrDefault(contact) : null;
            origins.Add(new DealOrigin(deal.DealId, channel, (double)(deal.Amount ?? 0m)));
        }

        return origins;
    }
}
