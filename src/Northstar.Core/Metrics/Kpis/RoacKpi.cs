using System.Runtime.CompilerServices;
using Northstar.Core.Facts;
using Northstar.Core.Metrics.Measures;
using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// Return on ad cost: (revenue_new credited by first touch + expected value of the open leads
/// produced in the range) / ad costs (media + creative + tools spend). A lead is open when it has
/// not become a customer; its expected value = the historical share of contacts at its furthest
/// stage that became customers x the historical average new deal size (all data in the store).
/// </summary>
internal sealed class RoacKpi(KpiDefinition definition, MeasureRegistry measures) : Kpi(definition)
{
    private static readonly Filter AdCosts = new(Dimensions.Kind, ["creative", "media", "tools"]);

    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var revenue = measures.Get("revenue_new").Compute(context, range, breakdown);
        var costs = measures.Get("spend").Compute(context, range, breakdown.With([AdCosts]));
        var expected = ExpectedLeadValue(context, range, breakdown);
        var groups = revenue.Keys.Union(costs.Keys).Union(expected.Keys).ToHashSet(StringComparer.Ordinal);
        return groups.ToDictionary(
            g => g,
            g => costs.Of(g) == 0 ? (double?)null : (revenue.Of(g) + expected.Of(g)) / costs.Of(g),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The open leads' expected value per group, from the stage times: counted per group and
    /// furthest stage, then summed in stage order (the same numbers whatever order the store
    /// keeps its contacts in).
    /// </summary>
    private static Groups ExpectedLeadValue(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var won = context.Read<Deal>().Where(d => d.Status == DealStatus.Won && d.Type == DealType.New).ToList();
        var averageDeal = won.Count == 0 ? 0 : (double)won.Average(d => d.Amount ?? 0m);
        var (leads, names, toCustomer) = OpenLeads(context, breakdown);
        var open = new int[names.Count, (int)Stage.Customer];
        foreach (var lead in leads.In(range))
        {
            open[lead.Group, lead.Furthest]++;
        }

        var value = new Groups();
        for (var g = 0; g < names.Count; g++)
        {
            for (var stage = 0; stage < (int)Stage.Customer; stage++)
            {
                if (open[g, stage] > 0)
                {
                    value.AddTo(names[g], open[g, stage] * (toCustomer[stage] * averageDeal));
                }
            }
        }

        return value;
    }

    /// <summary>
    /// The leads that did not become customers and pass the breakdown's filters, with the day they
    /// became leads, their group and furthest stage, sorted by day, and the stage rates to
    /// customer: worked out once per context and breakdown (a query by month asks every bucket).
    /// </summary>
    private static OpenLeadRows OpenLeads(MetricContext context, Breakdown breakdown) =>
        context.Derived((typeof(RoacKpi), breakdown), () => FindOpenLeads(context, ContactGroups.Of(context, breakdown)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static OpenLeadRows FindOpenLeads(MetricContext context, ContactGroups groups)
    {
        var times = context.StageTimes;
        var leads = times.EnteredTicks(Stage.Lead);
        var customers = times.EnteredTicks(Stage.Customer);
        var open = new List<OpenLead>();
        for (var i = 0; i < leads.Length; i++)
        {
            if (leads[i] != StageTimes.NotEntered && customers[i] == StageTimes.NotEntered && groups[i] >= 0)
            {
                open.Add(new OpenLead(context.Day(new DateTimeOffset(leads[i], TimeSpan.Zero)), groups[i], Furthest(times, i)));
            }
        }

        // The rates do not depend on the breakdown: worked out once per context.
        var rates = context.Derived((typeof(RoacKpi), "rates to customer"), () => StageRatesToCustomer(times));
        return new OpenLeadRows(new DayRows<OpenLead>(open, l => l.Day), groups.Names, rates);
    }

    /// <summary>Per stage (lead..proposal): of the contacts that entered it, the share that entered customer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] StageRatesToCustomer(StageTimes times)
    {
        var rates = new double[(int)Stage.Customer];
        var customers = times.EnteredTicks(Stage.Customer);
        for (var stage = Stage.Lead; stage < Stage.Customer; stage++)
        {
            var entered = times.EnteredTicks(stage);
            int count = 0, converted = 0;
            for (var i = 0; i < entered.Length; i++)
            {
                if (entered[i] != StageTimes.NotEntered)
                {
                    count++;
                    converted += customers[i] != StageTimes.NotEntered ? 1 : 0;
                }
            }

            rates[(int)stage] = count == 0 ? 0 : (double)converted / count;
        }

        return rates;
    }

    /// <summary>The furthest stage from lead to proposal the contact entered (lead when none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Furthest(StageTimes times, int contact)
    {
        for (var stage = Stage.Proposal; stage > Stage.Lead; stage--)
        {
            if (times.EnteredTicks(stage)[contact] != StageTimes.NotEntered)
            {
                return (int)stage;
            }
        }

        return (int)Stage.Lead;
    }

    private readonly record struct OpenLead(DateOnly Day, int Group, int Furthest);

    private sealed record OpenLeadRows(DayRows<OpenLead> Leads, IReadOnlyList<string> Names, double[] ToCustomer);
}
