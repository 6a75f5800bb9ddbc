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
            context.Read<SurveyAnswer>().Where(a => a.AccountId is not null).ToLookup(a => a.AccountId!, StringComparer.Ordinal),
            context.Read<Activity>().Where(a => a.AccountId is not null).ToLookup(a => a.AccountId!, StringComparer.Ordinal),
            context.Read<Subscription>().ToLookup(s => s.AccountId ?? s.SubscriptionId, StringComparer.Ordinal)));
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

    /// <summary>The account's colour as of the instant.</summary>
    private static string Colour(MetricContext context, AccountFacts facts, string account, DateTimeOffset asOf)
    {
        var rules = context.Options.AccountHealth;
        var score = facts.Surveys[account]
            .Where(a => a.AnsweredAt < asOf && a.AnsweredAt >= asOf.AddDays(-rules.SurveyLookbackDays))
            .MaxBy(a => a.AnsweredAt)?.Score;
        var activities = facts.Activities[account].Where(a => a.Timestamp < asOf).ToList();
        var tickets = activities.Count(a => a.Kind == ActivityKind.Ticket && a.Timestamp >= asOf.AddDays(-rules.TicketWindowDays));
        var lastEngaged = activities.Where(a => a.Kind != ActivityKind.Ticket).Select(a => (DateTimeOffset?)a.Timestamp)
            .Concat(facts.Surveys[account].Where(a => a.AnsweredAt < asOf).Select(a => (DateTimeOffset?)a.AnsweredAt))
            .Max();
        var quiet = lastEngaged is not { } last || (asOf - last).TotalDays >= rules.AmberQuietDays;
        var renewalDays = facts.Subscriptions[account]
            .Where(s => s.RenewalDueAt is { } due && due >= asOf && AccountMrr.IsActive(context, s, context.Day(asOf)))
            .Select(s => (double?)(s.RenewalDueAt!.Value - asOf).TotalDays)
            .Min();

        if (score <= rules.RedScoreAtMost || tickets >= rules.RedTickets || (quiet && renewalDays <= rules.RedRenewalWithinDays))
        {
            return Red;
        }

        return score <= rules.AmberScoreAtMost || tickets >= rules.AmberTickets || quiet || renewalDays <= rules.AmberRenewalWithinDays
            ? Amber
            : Green;
    }

    /// <summary>An account's surveys, activities and subscriptions, grouped once per computation.</summary>
    private sealed record AccountFacts(
        ILookup<string, SurveyAnswer> Surveys, ILookup<string, Activity> Activities, ILookup<string, Subscription> Subscriptions);
}
