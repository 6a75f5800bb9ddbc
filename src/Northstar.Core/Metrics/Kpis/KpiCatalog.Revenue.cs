using Northstar.Core.Facts;
using Northstar.Core.Metrics.Measures;
using static Northstar.Core.Metrics.KpiDirection;
using static Northstar.Core.Metrics.KpiUnit;

namespace Northstar.Core.Metrics.Kpis;

internal sealed partial class KpiCatalog
{
    private static bool IsNewWon(Deal deal) => deal.Status == DealStatus.Won && deal.Type == DealType.New;

    private void AddRevenue()
    {
        Measure("pipeline_created", "Pipeline created", UpIsGood, "sum of the amounts of opportunities (deals) created in the period; by deal source: marketing, sales, partner");
        Measure("marketing_sourced_pipeline", "Marketing-sourced pipeline", UpIsGood);
        Measure("marketing_influenced_pipeline", "Marketing-influenced pipeline", UpIsGood);
        Add(new DealAggregateKpi(
            new KpiDefinition(
                "pipeline_to_revenue_rate", "Pipeline to revenue rate", Ratio, UpIsGood,
                "of the deals created in the period (a cohort), won amount / created amount; by deal source", DealDimensions.Names),
            d => d.CreatedAt,
            _ => true,
            d => d.Status == DealStatus.Won ? (double)(d.Amount ?? 0m) : 0,
            DealAggregate.RatioOfSums,
            DealMeasure.AmountOf));
        Measure("revenue_new", "New revenue", UpIsGood);
        Measure("revenue_total", "Total revenue", UpIsGood);
        Formula("win_rate", "Win rate", Ratio, UpIsGood, "deals_won / deals_closed", "new-business deals won / won or lost, by close date");
        Add(new DealAggregateKpi(
            new KpiDefinition(
                "average_deal_size", "Average deal size", Money, UpIsGood,
                "mean amount of the new-business deals won in the period (a won deal without an amount is left out, not counted as 0)", DealDimensions.Names),
            d => d.ClosedAt,
            IsNewWon,
            d => d.Amount is { } amount ? (double)amount : null,
            DealAggregate.Mean));
        Add(new DealAggregateKpi(
            new KpiDefinition(
                "sales_cycle_days", "Sales cycle (days)", Days, DownIsGood,
                "median days from opportunity (deal created) to won, over the new-business deals won in the period", DealDimensions.Names),
            d => d.ClosedAt,
            IsNewWon,
            d => d.ClosedAt is { } closed ? (closed - d.CreatedAt).TotalDays : null,
            DealAggregate.Median));
        Add(new DealAggregateKpi(
            new KpiDefinition(
                "discount_rate", "Discount rate", Ratio, DownIsGood,
                "mean of (list price - sold price) / list price over the new-business deals won in the period that have a list price", DealDimensions.Names),
            d => d.ClosedAt,
            d => IsNewWon(d) && d.ListAmount is > 0m && d.Amount is not null,
            d => (double)((d.ListAmount!.Value - d.Amount!.Value) / d.ListAmount.Value),
            DealAggregate.Mean));
    }
}
