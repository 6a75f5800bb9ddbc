using Northstar.Core.Facts;
using Northstar.Core.Metrics.Measures;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// Share of voice (our mentions / every tracked brand's mentions) or brand sentiment ((positive -
/// negative) / all mentions of our brand), from the <c>mentions</c> series. Needs the workspace's
/// brand (<see cref="MetricOptions.Brand"/>); without it there is no value.
/// </summary>
internal sealed class BrandKpi(KpiDefinition definition, bool sentiment) : Kpi(definition)
{
    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        if (context.Options.Brand is not { } brand)
        {
            return new Dictionary<string, double?> { [Breakdown.Total] = null };
        }

        double ours = 0, all = 0, net = 0;
        foreach (var point in context.Read<SeriesPoint>())
        {
            if (!range.Contains(point.Date) || !string.Equals(point.Metric, "mentions", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var isOurs = string.Equals(SeriesMeasure.Get(point.Dimension, Dimensions.Brand), brand, StringComparison.OrdinalIgnoreCase);
            all += point.Value;
            if (isOurs)
            {
                ours += point.Value;
                net += SeriesMeasure.Get(point.Dimension, Dimensions.Sentiment)?.ToUpperInvariant() switch
                {
                    "POSITIVE" => point.Value,
                    "NEGATIVE" => -point.Value,
                    _ => 0,
                };
            }
        }

        double? value = sentiment ? (ours == 0 ? null : net / ours) : (all == 0 ? null : ours / all);
        return new Dictionary<string, double?> { [Breakdown.Total] = value };
    }
}
