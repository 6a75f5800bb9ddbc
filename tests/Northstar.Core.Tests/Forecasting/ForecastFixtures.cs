using Northstar.Core.Forecasting;
using Northstar.Core.Metrics;

namespace Northstar.Core.Tests.Forecasting;

/// <summary>Daily series and inputs the forecasting tests share.</summary>
internal static class ForecastFixtures
{
    /// <summary>A 35-day period, 2026-03-02 (a Monday) to 2026-04-06.</summary>
    public static DateRange Period { get; } = new(new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 6));

    /// <summary>The same value every day for <paramref name="days"/> days up to (excluded) <paramref name="end"/>.</summary>
    public static DailySeries Constant(double value, DateOnly end, int days = 400) =>
        new(end.AddDays(-days), Enumerable.Repeat(value, days).ToArray());

    /// <summary>Ten leads a day, every day, known up to <paramref name="asOf"/>.</summary>
    public static ForecastInput TenADay(DateOnly asOf, double target = 300) =>
        new("leads", "leads", Constant(10, asOf), Period, asOf, target);

    /// <summary>A series from <paramref name="start"/> whose value on each day is <paramref name="value"/>(day).</summary>
    public static DailySeries Series(DateOnly start, int days, Func<DateOnly, double> value) =>
        new(start, Enumerable.Range(0, days).Select(i => value(start.AddDays(i))).ToArray());
}
