using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Measures;

/// <summary>Spend rows dated in the range: amount, impressions or clicks summed, by channel, campaign and kind.</summary>
internal sealed class SpendMeasure(string name, KpiUnit unit, Func<Spend, double> value, string definition)
    : Measure(name, unit, Names, definition)
{
    private static readonly IReadOnlyList<string> Names = [Dimensions.Channel, Dimensions.Campaign, Dimensions.Kind];

    public override void Accumulate(MetricContext context, DateRange range, Breakdown breakdown, Groups groups)
    {
        foreach (var spend in ByDay(context).In(range))
        {
            if (breakdown.Accepts(spend, Get))
            {
                groups.AddTo(breakdown.GroupOf(spend, Get), value(spend));
            }
        }
    }

    /// <summary>
    /// The spend rows sorted by date (stable: a day keeps the stored order), once per context: a
    /// query by month visits only each bucket's rows instead of every row per bucket.
    /// </summary>
    private static DayRows<Spend> ByDay(MetricContext context) =>
        context.Derived(typeof(SpendMeasure), () => new DayRows<Spend>(context.Read<Spend>(), s => s.Date));

    public override void Needs(ReadNeeds needs, Breakdown breakdown)
    {
        ArgumentNullException.ThrowIfNull(needs);
        needs.Kind<Spend>();
    }

    private static string? Get(Spend spend, string dimension) => dimension switch
    {
        Dimensions.Channel => spend.Channel,
        Dimensions.Campaign => spend.Campaign,
        Dimensions.Kind => SnakeCaseNames<SpendKind>.Name(spend.Kind),
        _ => null,
    };
}
