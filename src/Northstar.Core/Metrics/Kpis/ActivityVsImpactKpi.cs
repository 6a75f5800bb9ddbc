using Northstar.Core.Facts;
using Northstar.Core.Metrics.Measures;
using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// Activity vs impact, per tactic (channel): leads credited to the channel (first touch) per 1,000
/// of its activities (events carrying the channel: sessions, ad impressions and clicks, emails,
/// social and video engagement). A channel with at least 10% of the activity but under half its
/// activity share in leads is flagged as vanity in the result's notes.
/// </summary>
internal sealed class ActivityVsImpactKpi(KpiDefinition definition) : Kpi(definition)
{
    private static readonly EventType[] AllTypes = Enum.GetValues<EventType>();

    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var (activity, leads) = Tally(context, range, breakdown);
        return activity.ToDictionary(
            p => p.Key, p => p.Value == 0 ? (double?)null : leads.Of(p.Key) * 1000 / p.Value, StringComparer.Ordinal);
    }

    public override IEnumerable<string> Notes(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var (activity, leads) = Tally(context, range, breakdown with { By = Dimensions.Channel });
        var allActivity = activity.Sum();
        var allLeads = leads.Sum();
        if (allActivity == 0 || allLeads == 0)
        {
            yield break;
        }

        foreach (var (channel, count) in activity.OrderByDescending(p => p.Value))
        {
            var activityShare = count / allActivity;
            var leadShare = leads.Of(channel) / allLeads;
            if (activityShare >= 0.10 && leadShare < activityShare / 2)
            {
                yield return $"Vanity: {channel} has {activityShare:P0} of the activity but {leadShare:P0} of the leads.";
            }
        }
    }

    private static (Groups Activity, Groups Leads) Tally(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var activity = new Groups();
        foreach (ref readonly var row in context.Events(AllTypes).In(range))
        {
            if (row.Dims.Channel is not null && breakdown.Accepts(row.Dims, static (d, n) => d.Get(n)))
            {
                activity.AddTo(breakdown.GroupOf(row.Dims, static (d, n) => d.Get(n)), row.Count);
            }
        }

        var leads = new Groups();
        var (rows, names) = Leads(context, breakdown);
        foreach (var lead in rows.In(range))
        {
            leads.AddTo(names[lead.Group], 1);
        }

        return (activity, leads);
    }

    /// <summary>
    /// The leads that pass the breakdown's filters, with the day and group number, from the stage
    /// times, sorted by day: worked out once per context and breakdown (each bucket, the total and
    /// the notes ask again).
    /// </summary>
    private static LeadRows Leads(MetricContext context, Breakdown breakdown) =>
        context.Derived((typeof(ActivityVsImpactKpi), breakdown), () =>
        {
            var groups = ContactGroups.Of(context, breakdown);
            var entered = context.StageTimes.EnteredTicks(Stage.Lead);
            var leads = new List<Lead>();
            for (var i = 0; i < entered.Length; i++)
            {
                if (entered[i] != StageTimes.NotEntered && groups[i] >= 0)
                {
                    leads.Add(new Lead(context.Day(new DateTimeOffset(entered[i], TimeSpan.Zero)), groups[i]));
                }
            }

            return new LeadRows(new DayRows<Lead>(leads, l => l.Day), groups.Names);
        });

    private readonly record struct Lead(DateOnly Day, int Group);

    private sealed record LeadRows(DayRows<Lead> Leads, IReadOnlyList<string> Names);
}
