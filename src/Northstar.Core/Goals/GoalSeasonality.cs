using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;
using Northstar.Core.Planning;

namespace Northstar.Core.Goals;

/// <summary>A goal's seasonal split from history: month weights from the goal's own KPI over the year before its period.</summary>
public static class GoalSeasonality
{
    /// <summary>
    /// Twelve weights (January first, mean 1; see <see cref="Seasonality.WeightsFrom"/>) from the
    /// monthly values of <paramref name="kpi"/> over the 365 days before <paramref name="period"/>
    /// starts; null with the reason when the KPI is not additive (a rate has no seasonality of
    /// volume) or that year holds none of it.
    /// </summary>
    public static (IReadOnlyList<double>? Weights, string? Problem) FromHistory(MetricsEngine engine, string kpi, Period period)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(period);
        if (!engine.IsAdditive(kpi))
        {
            return (null, $"{kpi} is not a count or an amount: its target is not split over the months, so it has no seasonal split");
        }

        var lookback = new DateRange(period.Range.Start.AddDays(-365), period.Range.Start);
        var result = engine.Run(new MetricQuery(kpi, lookback, Grain.Month));
        var row = result.Rows[0];
        var weights = Seasonality.WeightsFrom(result.Columns.Select((c, i) => (c.Range, row.Values[i] ?? 0)));
        return weights is null
            ? (null, $"no {kpi} in {lookback}, the year before {period.Label}: no seasonality to split by (use --split even or --month-weights)")
            : (weights, null);
    }
}
