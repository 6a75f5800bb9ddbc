using System.Globalization;

namespace Northstar.Core.Metrics.Periods;

/// <summary>
/// A span of whole days with its kind and canonical label ("2025-Q3", "FY2026-H2", "2025-W07").
/// Build one with the factory methods here, the ones on <see cref="FiscalCalendar"/>, or
/// <see cref="PeriodParser.Parse"/>.
/// </summary>
/// <param name="Range">The days of the period; <see cref="DateRange.End"/> is excluded.</param>
/// <param name="Kind">What sort of span it is.</param>
/// <param name="Label">The canonical text, which <see cref="PeriodParser.Parse"/> reads back to the same days.</param>
public sealed record Period(DateRange Range, PeriodKind Kind, string Label)
{
    /// <summary>One day, labelled "2025-07-14".</summary>
    public static Period Day(DateOnly day) =>
        new(new DateRange(day, day.AddDays(1)), PeriodKind.Day, Format(day));

    /// <summary>ISO week <paramref name="week"/> of ISO week-year <paramref name="isoYear"/>, labelled "2025-W07".</summary>
    /// <exception cref="ArgumentOutOfRangeException">The ISO year has no such week (2025-W53).</exception>
    public static Period Week(int isoYear, int week)
    {
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(isoYear, week, DayOfWeek.Monday));
        return new(new DateRange(monday, monday.AddDays(7)), PeriodKind.Week, WeekLabel(isoYear, week));
    }

    /// <summary>The ISO week (Monday to Sunday) holding <paramref name="day"/>.</summary>
    public static Period WeekContaining(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var instant = day.ToDateTime(TimeOnly.MinValue);
        var label = WeekLabel(ISOWeek.GetYear(instant), ISOWeek.GetWeekOfYear(instant));
        return new(new DateRange(monday, monday.AddDays(7)), PeriodKind.Week, label);
    }

    /// <summary>A calendar month, labelled "2025-07".</summary>
    public static Period Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(new DateRange(start, start.AddMonths(1)), PeriodKind.Month, string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}"));
    }

    /// <summary>A calendar quarter (1-4), labelled "2025-Q3".</summary>
    public static Period Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return new(new DateRange(start, start.AddMonths(3)), PeriodKind.Quarter, string.Create(CultureInfo.InvariantCulture, $"{year:D4}-Q{quarter}"));
    }

    /// <summary>A calendar half year (1-2), labelled "2025-H1".</summary>
    public static Period Half(int year, int half)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        var start = new DateOnly(year, ((half - 1) * 6) + 1, 1);
        return new(new DateRange(start, start.AddMonths(6)), PeriodKind.Half, string.Create(CultureInfo.InvariantCulture, $"{year:D4}-H{half}"));
    }

    /// <summary>A calendar year, labelled "2025".</summary>
    public static Period Year(int year)
    {
        var start = new DateOnly(year, 1, 1);
        return new(new DateRange(start, start.AddYears(1)), PeriodKind.Year, string.Create(CultureInfo.InvariantCulture, $"{year:D4}"));
    }

    /// <summary>Any run of at least one day, labelled with both ends inclusive: "2025-07-01..2025-09-30".</summary>
    public static Period Custom(DateRange range)
    {
        if (range.Days == 0)
        {
            throw new ArgumentException("A custom period needs at least one day.", nameof(range));
        }

        return new(range, PeriodKind.Custom, Format(range.Start) + ".." + Format(range.End.AddDays(-1)));
    }

    /// <summary>True when <paramref name="day"/> lies in the period.</summary>
    public bool Contains(DateOnly day) => Range.Contains(day);

    /// <summary>
    /// How much of the period has gone by on <paramref name="today"/>, counting today as elapsed:
    /// days from the start through today over the days in the period, clamped to 0..1
    /// (0 before the period, 1 from its last day on; 0 for an empty period).
    /// On 2026-11-10, November 2026 is 10/30 elapsed.
    /// </summary>
    public double ElapsedFraction(DateOnly today)
    {
        if (Range.Days == 0)
        {
            return 0;
        }

        var elapsed = Math.Clamp(today.DayNumber - Range.Start.DayNumber + 1, 0, Range.Days);
        return (double)elapsed / Range.Days;
    }

    /// <summary>The canonical label.</summary>
    public override string ToString() => Label;

    internal static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string WeekLabel(int isoYear, int week) => string.Create(CultureInfo.InvariantCulture, $"{isoYear:D4}-W{week:D2}");
}
