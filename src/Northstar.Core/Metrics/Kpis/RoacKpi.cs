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
        var times = context.StageTimes;
        var groups = ContactGroups.Of(context, breakdown);
        var toCustomer = StageRatesToCustomer(times);
        var leads = times.EnteredTicks(Stage.Lead);
        var customers = times.EnteredTicks(Stage.Customer);
        var open = new int[groups.Names.Count, (int)Stage.Customer];
        for (var i = 0; i < leads.Length; i++)
        {
            if (leads[i] == StageTimes.NotEntered || customers[i] != StageTimes.NotEntered || groups[i] < 0
                || !range.Contains(context.Day(new DateTimeOffset(leads[i], TimeSpan.Zero))))
            {
                continue;
            }

            open[groups[i], (int)Furthest(times, i)]++;
        }

        var value = new Groups();
        for (var g = 0; g < groups.Names.Count; g++)
        {
            for (var stage = 0; stage < (int)Stage.Customer; stage++)
            {
                if (open[g, stage] > 0)
                {
                    value.AddTo(groups.Names[g], open[g, stage] * (toCustomer[stage] * averageDeal));
                }
            }
        }

        return value;
    }

    /// <summary>Per stage (lead..proposal): of the contacts that entered it, the share that entered customer.</summary>
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

    private static Stage Furthest(StageTimes times, int contact)
    {
        var furthest = Stage.Lead;
        for (var stage = Stage.Lead; stage < Stage.Customer; stage++)
        {
            if (times.EnteredTicks(stage)[contact] != StageTimes.NotEntered)
            {
                furthest = stage;
            }
        }

        return furthest;
    }
}
