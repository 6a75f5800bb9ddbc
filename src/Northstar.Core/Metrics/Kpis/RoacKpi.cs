using Northstar.Core.Facts;
using Northstar.Core.Metrics.Measures;

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

    private static Groups ExpectedLeadValue(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var won = context.Read<Deal>().Where(d => d.Status == DealStatus.Won && d.Type == DealType.New).ToList();
        var averageDeal = won.Count == 0 ? 0 : (double)won.Average(d => d.Amount ?? 0m);
        var toCustomer = StageRatesToCustomer(context);
        var value = new Groups();
        foreach (var contact in context.Lifecycles)
        {
            if (contact.EnteredAt(Stage.Lead) is not { } lead || !range.Contains(context.Day(lead))
                || contact.EnteredAt(Stage.Customer) is not null || !breakdown.Accepts(contact, ContactDimensions.Get))
            {
                continue;
            }

            value.AddTo(breakdown.GroupOf(contact, ContactDimensions.Get), toCustomer[(int)Furthest(contact)] * averageDeal);
        }

        return value;
    }

    /// <summary>Per stage (lead..proposal): of the contacts that entered it, the share that entered customer.</summary>
    private static double[] StageRatesToCustomer(MetricContext context)
    {
        var rates = new double[(int)Stage.Customer];
        for (var stage = Stage.Lead; stage < Stage.Customer; stage++)
        {
            var entered = context.Lifecycles.Where(c => c.EnteredAt(stage) is not null).ToList();
            rates[(int)stage] = entered.Count == 0 ? 0 : (double)entered.Count(c => c.EnteredAt(Stage.Customer) is not null) / entered.Count;
        }

        return rates;
    }

    private static Stage Furthest(Views.ContactLifecycle contact)
    {
        var furthest = Stage.Lead;
        for (var stage = Stage.Lead; stage < Stage.Customer; stage++)
        {
            if (contact.EnteredAt(stage) is not null)
            {
                furthest = stage;
            }
        }

        return furthest;
    }
}
