using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// Recurring revenue per account at the start of a day: the MRR of its subscriptions that started
/// before that day and had not ended before it. A subscription without an account is its own account.
/// </summary>
internal static class AccountMrr
{
    /// <summary>MRR by account at the start of <paramref name="day"/> (accounts with none left out).</summary>
    public static Dictionary<string, decimal> At(MetricContext context, DateOnly day)
    {
        var mrr = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var subscription in context.Read<Subscription>())
        {
            if (IsActive(context, subscription, day))
            {
                var account = subscription.AccountId ?? subscription.SubscriptionId;
                mrr[account] = mrr.GetValueOrDefault(account) + subscription.Mrr;
            }
        }

        return mrr;
    }

    /// <summary>True when the subscription is live at the start of the day.</summary>
    public static bool IsActive(MetricContext context, Subscription subscription, DateOnly day) =>
        context.Day(subscription.StartedAt) < day
        && (subscription.EndedAt is not { } ended || context.Day(ended) >= day);

    /// <summary>The account's segment as breakdowns see it.</summary>
    public static string? Segment(MetricContext context, string account) => context.Account(account)?.Segment;
}
