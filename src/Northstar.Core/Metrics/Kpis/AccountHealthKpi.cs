using System.Runtime.InteropServices;
using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// Account health: the accounts with MRR at the end of the range, each coloured green, amber or
/// red by <see cref="AccountHealthRules"/> as of that moment (survey score, tickets, engagement by
/// sales activities and survey answers, days to renewal). The KPI is the share of green accounts;
/// by <c>health</c> it gives the share in each colour; by <c>segment</c> the share green per segment.
/// </summary>
internal sealed class AccountHealthKpi(KpiDefinition definition) : Kpi(definition)
{
    public const string Green = "green";
    public const string Amber = "amber";
    public const string Red = "red";

    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var asOf = new DateTimeOffset(range.End.ToDateTime(TimeOnly.MinValue), context.Zone.GetUtcOffset(range.End.ToDateTime(TimeOnly.MinValue)));
        // Grouped by account once per context, not once per bucket (a year by month asks 13 times).
        var facts = context.Derived(typeof(AccountFacts), () => new AccountFacts(
            ByAccount(context.Read<SurveyAnswer>(), a => a.AccountId),
            ByAccount(context.Read<Activity>(), a => a.AccountId),
            ByAccount(context.Read<Subscription>(), s => s.AccountId ?? s.SubscriptionId)));
        var counts = new Dictionary<string, (int All, int Green)>(StringComparer.Ordinal);
        foreach (var account in AccountMrr.At(context, range.End).Keys)
        {
            var colour = Colour(context, facts, account, asOf);
            string? Get(string _, string dimension) =>
                dimension == Dimensions.Health ? colour : AccountMrr.Segment(context, account);
            if (!breakdown.Accepts(account, Get))
            {
                continue;
            }

            var key = breakdown.By == Dimensions.Health ? Breakdown.Total : breakdown.GroupOf(account, Get);
            var c = counts.GetValueOrDefault(key);
            counts[key] = (c.All + 1, c.Green + (colour == Green ? 1 : 0));
            if (breakdown.By == Dimensions.Health)
            {
                counts[colour] = (counts.GetValueOrDefault(colour).All + 1, 0);
            }
        }

        if (breakdown.By == Dimensions.Health)
        {
            var all = counts.GetValueOrDefault(Breakdown.Total).All;
            return new[] { Green, Amber, Red }.ToDictionary(
                c => c, c => all == 0 ? (double?)null : (double)counts.GetValueOrDefault(c).All / all, StringComparer.Ordinal);
        }

        return counts.ToDictionary(p => p.Key, p => (double?)p.Value.Green / p.Value.All, StringComparer.Ordinal);
    }

    /// <summary>
    /// The account's colour as of the instant, from one loop over each of its fact lists (no
    /// query objects: a year by month asks for every account with MRR at 13 instants).
    /// </summary>
    private static string Colour(MetricContext context, AccountFacts facts, string account, DateTimeOffset asOf)
    {
        var rules = context.Options.AccountHealth;
        var (surveyFrom, ticketFrom) = (asOf.AddDays(-rules.SurveyLookbackDays), asOf.AddDays(-rules.TicketWindowDays));
        SurveyAnswer? latest = null;
        DateTimeOffset? lastEngaged = null;
        foreach (var answer in CollectionsMarshal.AsSpan(facts.Surveys.GetValueOrDefault(account)))
        {
            if (answer.AnsweredAt >= asOf)
            {
                continue;
            }

            lastEngaged = lastEngaged is { } l && l >= answer.AnsweredAt ? l : answer.AnsweredAt;
            if (answer.AnsweredAt >= surveyFrom && (latest is null || answer.AnsweredAt > latest.AnsweredAt))
            {
                latest = answer;
            }
        }

        var tickets = 0;
        foreach (var activity in CollectionsMarshal.AsSpan(facts.Activities.GetValueOrDefault(account)))
        {
            if (activity.Timestamp >= asOf)
            {
                continue;
            }

            if (activity.Kind == ActivityKind.Ticket)
            {
                tickets += activity.Timestamp >= ticketFrom ? 1 : 0;
            }
            else
            {
                lastEngaged = lastEngaged is { } l && l >= activity.Timestamp ? l : activity.Timestamp;
            }
        }

        double? renewalDays = null;
        var today = context.Day(asOf);
        foreach (var subscription in CollectionsMarshal.AsSpan(facts.Subscriptions.GetValueOrDefault(account)))
        {
            if (subscription.RenewalDueAt is { } due && due >= asOf && AccountMrr.IsActive(context, subscription, today)
                && (renewalDays is null || (due - asOf).TotalDays < renewalDays))
            {
                renewalDays = (due - asOf).TotalDays;
            }
        }

        var score = latest?.Score;
        var quiet = lastEngaged is not { } last || (asOf - last).TotalDays >= rules.AmberQuietDays;
        if (score <= rules.RedScoreAtMost || tickets >= rules.RedTickets || (quiet && renewalDays <= rules.RedRenewalWithinDays))
        {
            return Red;
        }

        return score <= rules.AmberScoreAtMost || tickets >= rules.AmberTickets || quiet || renewalDays <= rules.AmberRenewalWithinDays
            ? Amber
            : Green;
    }

    /// <summary>The facts with an account, grouped by it.</summary>
    private static Dictionary<string, List<T>> ByAccount<T>(IReadOnlyList<T> facts, Func<T, string?> account)
    {
        var byAccount = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            if (account(fact) is { } id)
            {
                (CollectionsMarshal.GetValueRefOrAddDefault(byAccount, id, out _) ??= []).Add(fact);
            }
        }

        return byAccount;
    }

    /// <summary>An account's surveys, activities and subscriptions, grouped once per context.</summary>
    private sealed record AccountFacts(
        Dictionary<string, List<SurveyAnswer>> Surveys, Dictionary<string, List<Activity>> Activities, Dictionary<string, List<Subscription>> Subscriptions);
}
