using Northstar.Core.Metrics;

namespace Northstar.Core.Forecasting;

/// <summary>
/// The back-test of <see cref="Forecaster"/>: forecasts periods that are over from points inside
/// them, as if the later days were not known yet, and compares with how they ended. A calibrated
/// forecaster's 80% interval holds the outcome about 80% of the time.
/// </summary>
public static class Calibration
{
    /// <summary>
    /// One case per KPI, period and as-of point; an as-of point is a fraction of the period
    /// (0: its first day, nothing known yet; 1/3: a third in). Cases the forecaster refuses (no
    /// history yet) are skipped.
    /// </summary>
    public static IReadOnlyList<CalibrationCase> BackTest(
        MetricsEngine engine, IReadOnlyList<string> kpis, IReadOnlyList<DateRange> periods, IReadOnlyList<double> fractions, ForecastOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(fractions);
        var cases = new List<CalibrationCase>();
        foreach (var kpi in kpis)
        {
            foreach (var period in periods)
            {
                var outcome = engine.Run(new MetricQuery(kpi, period)).Rows[0].Total ?? 0;
                foreach (var fraction in fractions)
                {
                    var asOf = period.Start.AddDays((int)Math.Round(period.Days * fraction));
                    if (TryForecast(engine, kpi, period, asOf, options) is { } forecast)
                    {
                        cases.Add(new CalibrationCase(forecast, outcome));
                    }
                }
            }
        }

        return cases;
    }

    /// <summary>The share of cases whose 80% interval held the outcome (NaN without cases).</summary>
    public static double Coverage(IEnumerable<CalibrationCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var list = cases as IReadOnlyCollection<CalibrationCase> ?? [.. cases];
        return list.Count == 0 ? double.NaN : (double)list.Count(c => c.Covered) / list.Count;
    }

    private static Forecast? TryForecast(MetricsEngine engine, string kpi, DateRange period, DateOnly asOf, ForecastOptions? options)
    {
        try
        {
            // The target does not matter for coverage; 1 is a valid one for every KPI.
            return Forecaster.Run(engine, kpi, 1, period, asOf, options);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
