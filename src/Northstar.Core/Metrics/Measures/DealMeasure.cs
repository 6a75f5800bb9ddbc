using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Measures;

/// <summary>
/// Deals with a moment (created, closed) in the range that pass a predicate, counted or with an
/// amount summed. A deal's channel, source, medium, campaign and landing page are its contact's
/// (first touch); its segment is its account's, else its contact's.
/// </summary>
internal sealed class DealMeasure(
    string name,
    KpiUnit unit,
    Func<Deal, DateTimeOffset?> when,
    Func<Deal, MetricContext, bool> where,
    Func<Deal, double> value,
    string definition)
    : Measure(name, unit, DealDimensions.Names, definition)
{
    public override void Accumulate(MetricContext context, DateRange range, Breakdown breakdown, Groups groups)
    {
        foreach (var deal in context.Read<Deal>())
        {
            if (when(deal) is not { } at || !range.Contains(context.Day(at)) || !where(deal, context))
            {
                continue;
            }

            var row = new DealDimensions(deal, context);
            if (breakdown.Accepts(row, DealDimensions.Get))
            {
                groups.AddTo(breakdown.GroupOf(row, DealDimensions.Get), value(deal));
            }
        }
    }

    public override void Needs(ReadNeeds needs, Breakdown breakdown)
    {
        ArgumentNullException.ThrowIfNull(needs);
        needs.Kind<Deal>();
    }

    /// <summary>A deal counted once.</summary>
    public static double One(Deal deal) => 1;

    /// <summary>A deal's amount (0 when unknown).</summary>
    public static double AmountOf(Deal deal) => (double)(deal.Amount ?? 0m);
}
