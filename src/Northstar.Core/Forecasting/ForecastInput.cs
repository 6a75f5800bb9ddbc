using Northstar.Core.Metrics;

namespace Northstar.Core.Forecasting;

/// <summary>
/// What a forecast is made from when the caller already has the daily values (no engine).
/// </summary>
/// <param name="Kpi">The KPI id (echoed in the forecast).</param>
/// <param name="Noun">What one arrival is, plural, for the method line ("leads", "deals").</param>
/// <param name="Values">The KPI's value per day, at least up to the day before <see cref="AsOf"/>.</param>
/// <param name="Period">The period of the target.</param>
/// <param name="AsOf">The first day not known yet.</param>
/// <param name="Target">The target for the whole period (above 0).</param>
public sealed record ForecastInput(string Kpi, string Noun, DailySeries Values, DateRange Period, DateOnly AsOf, double Target)
{
    /// <summary>Down-is-good KPIs meet the target at or under it; others at or above it.</summary>
    public KpiDirection Direction { get; init; } = KpiDirection.UpIsGood;

    /// <summary>
    /// For a sum of amounts (revenue), the number of things per day that carry them (deals won);
    /// the rest of the period is then arrivals x sizes drawn from history. Null: the values are counts.
    /// </summary>
    public DailySeries? Arrivals { get; init; }
}
