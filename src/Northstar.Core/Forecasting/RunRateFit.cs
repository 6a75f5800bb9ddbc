namespace Northstar.Core.Forecasting;

/// <summary>
/// The arrivals model of the rest of a period, fitted on history before the as-of date: the
/// run-rate window, the Gamma posterior of the daily rate, the season-weighted days to come and the drift.
/// </summary>
internal sealed record RunRateFit(int Window, double Shape, double Rate, double Exposure, double Drift, double Seasonal)
{
    /// <summary>The posterior mean of arrivals per day (before seasonality).</summary>
    public double DailyRate => Shape / Rate;

    /// <summary>The model simulating the period-end value from <paramref name="known"/> on.</summary>
    public RemainderModel Model(double known, IReadOnlyList<double>? sizes = null) => new(known, Shape, Rate, Exposure, Drift, sizes);
}
