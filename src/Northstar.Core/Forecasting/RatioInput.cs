using Northstar.Core.Metrics;

namespace Northstar.Core.Forecasting;

/// <summary>
/// What a ratio forecast is made from: the daily counts of its numerator and denominator
/// (leads and sessions for traffic-to-lead rate), the numerator being a share of the denominator.
/// </summary>
/// <param name="Kpi">The ratio KPI's id.</param>
/// <param name="Numerator">The numerator KPI's id and daily counts.</param>
/// <param name="Denominator">The denominator KPI's id and daily counts.</param>
/// <param name="Period">The period of the target.</param>
/// <param name="AsOf">The first day not known yet.</param>
/// <param name="Target">The target ratio for the period (above 0).</param>
public sealed record RatioInput(
    string Kpi, (string Kpi, DailySeries Values) Numerator, (string Kpi, DailySeries Values) Denominator, DateRange Period, DateOnly AsOf, double Target)
{
    /// <summary>Down-is-good ratios meet the target at or under it; others at or above it.</summary>
    public KpiDirection Direction { get; init; } = KpiDirection.UpIsGood;
}
