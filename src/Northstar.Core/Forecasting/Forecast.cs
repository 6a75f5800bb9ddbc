using Northstar.Core.Metrics;

namespace Northstar.Core.Forecasting;

/// <summary>
/// A KPI's forecast value at the end of a period, from what is known before <see cref="AsOf"/>.
/// </summary>
/// <param name="Kpi">The KPI id.</param>
/// <param name="Period">The period the target is for.</param>
/// <param name="AsOf">The first day not known yet (days before it are actuals).</param>
/// <param name="Target">The goal's target for the whole period.</param>
/// <param name="Actual">The KPI's value over the known days of the period.</param>
/// <param name="Expected">The mean of the simulated period-end values.</param>
/// <param name="Low80">The 10th percentile of the simulated period-end values.</param>
/// <param name="High80">The 90th percentile of the simulated period-end values.</param>
/// <param name="ProbabilityOfTarget">
/// The share of simulations that meet the target: at or above it, or at or under it for a
/// down-is-good KPI.
/// </param>
/// <param name="Simulations">How many period-ends were simulated.</param>
/// <param name="Method">One line saying how: run-rate, window, seasonality, simulation count.</param>
public sealed record Forecast(
    string Kpi,
    DateRange Period,
    DateOnly AsOf,
    double Target,
    double Actual,
    double Expected,
    double Low80,
    double High80,
    double ProbabilityOfTarget,
    int Simulations,
    string Method)
{
    /// <summary>The run-rate per day (arrivals per day, before seasonality) the rest of the period was simulated from.</summary>
    public double DailyRate { get; init; }

    /// <summary>The seasonality of the days still to come relative to the run-rate window (1: none).</summary>
    public double Seasonality { get; init; } = 1.0;

    /// <summary>True when the 80% interval holds <paramref name="value"/> (what the back-test counts).</summary>
    public bool Covers(double value) => value >= Low80 && value <= High80;
}
