namespace Northstar.Core.Forecasting;

/// <summary>One back-tested forecast: what was forecast as of a day, and what the period really ended at.</summary>
public sealed record CalibrationCase(Forecast Forecast, double Outcome)
{
    /// <summary>True when the 80% interval held the outcome.</summary>
    public bool Covered => Forecast.Covers(Outcome);
}
