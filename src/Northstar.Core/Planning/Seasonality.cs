using Northstar.Core.Metrics;

namespace Northstar.Core.Planning;

/// <summary>
/// Month-of-year weights from history, for a seasonal <see cref="PlanSplit"/>. A month's weight is
/// its mean count over the look-back (a partial month scaled up to its whole length) divided by
/// the mean over the months of the year. A month of the year the look-back does not cover gets
/// the mean of the covered ones (weight 1): no history, no seasonality claimed.
/// </summary>
public static class Seasonality
{
    /// <summary>Weights (January first, mean 1) from counts per month; null when every count is 0.</summary>
    /// <param name="months">Each month's days (inside one calendar month) and the count over them.</param>
    public static double[]? WeightsFrom(IEnumerable<(DateRange Days, double Count)> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var sums = new double[12];
        var seen = new int[12];
        foreach (var (days, count) in months.Where(m => m.Days.Days > 0))
        {
            var index = days.Start.Month - 1;
            sums[index] += count * DateTime.DaysInMonth(days.Start.Year, days.Start.Month) / days.Days;
            seen[index]++;
        }

        var covered = Enumerable.Range(0, 12).Where(i => seen[i] > 0).Select(i => sums[i] / seen[i]).ToList();
        if (covered.Count == 0 || covered.Sum() <= 0)
        {
            return null;
        }

        var fill = covered.Average();
        var means = Enumerable.Range(0, 12).Select(i => seen[i] > 0 ? sums[i] / seen[i] : fill).ToArray();
        var mean = means.Average();
        return [.. means.Select(m => m / mean)];
    }

    /// <summary>
    /// The seasonal split from the monthly counts of <paramref name="step"/> (sessions by default:
    /// the top of the funnel, the step planned most directly) over <paramref name="lookback"/>;
    /// a problem when the look-back has none.
    /// </summary>
    public static (PlanSplit? Split, PlanProblem? Problem) Read(MetricsEngine engine, DateRange lookback, FunnelStep step = FunnelStep.Sessions)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var kpi = FunnelSteps.KpiId(step);
        var result = engine.Run(new MetricQuery(kpi, lookback, Grain.Month));
        var row = result.Rows[0];
        var weights = WeightsFrom(result.Columns.Select((c, i) => (c.Range, row.Values[i] ?? 0)));
        if (weights is null)
        {
            return (null, new PlanProblem($"No {kpi} in the look-back {lookback}: there is no seasonality to split by (use --split even or another --lookback)."));
        }

        return (new PlanSplit(PlanSplitMode.Seasonal, $"seasonal: month weights from monthly {kpi} over {lookback}", weights), null);
    }
}
