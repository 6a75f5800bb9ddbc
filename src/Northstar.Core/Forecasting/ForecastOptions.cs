namespace Northstar.Core.Forecasting;

/// <summary>How a forecast is simulated. The defaults are what the calibration back-test measured.</summary>
public sealed record ForecastOptions
{
    /// <summary>Simulated period-ends. Default 10,000 (the 10th and 90th percentiles move by well under 1% between seeds).</summary>
    public int Simulations { get; init; } = 10_000;

    /// <summary>Seed of the simulation: the same inputs and seed give the same forecast. Default 2026.</summary>
    public long Seed { get; init; } = 2026;

    /// <summary>
    /// The recent days the run-rate is measured over, at least. Default 28. A KPI with fewer than
    /// <see cref="RunRateArrivals"/> arrivals in them gets twice, then three times as many days
    /// (at most 84), so a rate of a few customers a month is not read from a handful.
    /// </summary>
    public int RunRateDays { get; init; } = 28;

    /// <summary>The arrivals a run-rate window should hold before it stops growing. Default 50.</summary>
    public int RunRateArrivals { get; init; } = 50;

    /// <summary>How far back history is read for seasonality, drift and deal sizes. Default 730 days.</summary>
    public int HistoryDays { get; init; } = 730;

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Simulations, 100, nameof(Simulations));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Simulations, 1_000_000, nameof(Simulations));
        ArgumentOutOfRangeException.ThrowIfLessThan(RunRateDays, 7, nameof(RunRateDays));
        ArgumentOutOfRangeException.ThrowIfLessThan(HistoryDays, RunRateDays, nameof(HistoryDays));
    }
}
