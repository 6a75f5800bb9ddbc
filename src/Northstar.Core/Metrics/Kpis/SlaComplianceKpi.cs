using System.Runtime.CompilerServices;
using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// SLA compliance: of the contacts entering MQL in the range, the share whose first sales activity
/// (call, sales email or meeting) at or after the MQL time came within the SLA (default 24 h).
/// An MQL never worked counts as a miss.
/// </summary>
internal sealed class SlaComplianceKpi(KpiDefinition definition) : Kpi(definition)
{
    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var (mqls, names) = Mqls(context, breakdown);
        return ContactGroups.Shares(mqls.In(range), names);
    }

    /// <summary>
    /// Every contact that entered MQL and passes the breakdown's filters, with the day, its group
    /// and whether it was worked within the SLA, sorted by day: worked out once per context and
    /// breakdown from the stage times, the activities grouped once by the hash of their contact id
    /// (<see cref="StageTimes.HashOf"/>), so no lifecycle is read (at 100M events a year by
    /// month took 6-7 s, visiting every lifecycle and grouping the activities once per bucket).
    /// </summary>
    private static Rows Mqls(MetricContext context, Breakdown breakdown) =>
        context.Derived((typeof(SlaComplianceKpi), breakdown), () => FindMqls(context, ContactGroups.Of(context, breakdown)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Rows FindMqls(MetricContext context, ContactGroups groups)
    {
        var activities = context.Read<Activity>()
            .Where(a => a.ContactId is not null && a.Kind != ActivityKind.Ticket)
            .GroupBy(a => StageTimes.HashOf(a.ContactId!))
            .ToDictionary(g => g.Key, g => g.Select(a => a.Timestamp).Order().ToArray());
        var times = context.StageTimes;
        var entered = times.EnteredTicks(Stage.Mql);
        var contacts = times.ContactHashes;
        var mqls = new List<Mql>();
        for (var i = 0; i < entered.Length; i++)
        {
            if (entered[i] == StageTimes.NotEntered || groups[i] < 0)
            {
                continue;
            }

            var mql = new DateTimeOffset(entered[i], TimeSpan.Zero);
            var met = activities.TryGetValue(contacts[i], out var worked)
                && worked.FirstOrDefault(t => t >= mql) is var first && first != default && first - mql <= context.Options.SalesSla;
            mqls.Add(new Mql(context.Day(mql), groups[i], met));
        }

        return new Rows(new DayRows<Mql>(mqls, m => m.Day), groups.Names);
    }

    private readonly record struct Mql(DateOnly Day, int Group, bool Met) : IGroupMember
    {
        public bool Hit => Met;
    }

    private sealed record Rows(DayRows<Mql> Mqls, IReadOnlyList<string> Names);
}
