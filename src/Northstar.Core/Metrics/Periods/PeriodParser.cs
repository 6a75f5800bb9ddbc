namespace Northstar.Core.Metrics.Periods;

/// <summary>
/// Reads what a user types for a period into a <see cref="Period"/>. Case-insensitive;
/// surrounding spaces are ignored. Bad input gives an error result, never an exception.
/// </summary>
/// <remarks>
/// <para>Absolute forms: <c>2025-07-14</c> (day), <c>2025-W07</c> (ISO week, Monday start;
/// week 53 only in ISO years that have one), <c>2025-07</c> (month), <c>2025-Q3</c>,
/// <c>2025-H1</c>, <c>2025</c> (calendar quarter, half, year), <c>FY2026</c>, <c>FY2026-Q1</c>,
/// <c>FY2026-H2</c> (fiscal, by the <see cref="FiscalCalendar"/>), and
/// <c>2025-07-01..2025-09-30</c> (custom: both ends are days and both are included).
/// Years run from 1000 to 9998.</para>
/// <para>Relative forms, resolved against <c>today</c>: <c>today</c>, <c>yesterday</c>,
/// <c>this-week</c>/<c>last-week</c> (ISO weeks), <c>this-month</c>/<c>last-month</c>,
/// <c>this-quarter</c>/<c>last-quarter</c>, <c>this-half</c>/<c>last-half</c>,
/// <c>this-year</c>/<c>last-year</c>, <c>ytd</c>, and <c>last-N-days</c> (N from 1 to 3660;
/// 7, 30 and 90 are the usual ones). The this/last forms give the whole unit, not the part up
/// to today. Quarters, halves, years and <c>ytd</c> are calendar ones when the fiscal year
/// starts in January and fiscal ones otherwise (this-quarter may be "FY2026-Q1").
/// <c>ytd</c> runs from the start of that year through today, today included, as a
/// <see cref="PeriodKind.Custom"/> period. <c>last-N-days</c> is the N days ending yesterday,
/// like GA4 (today is incomplete), also a custom period.</para>
/// </remarks>
public static class PeriodParser
{
    private const int MaxRelativeDays = 3660;

    /// <summary>Reads <paramref name="text"/> as a period.</summary>
    /// <param name="text">What the user typed.</param>
    /// <param name="calendar">The workspace's fiscal calendar, for FY forms and relative quarters and years.</param>
    /// <param name="today">The current day in the workspace's time zone, for relative forms.</param>
    public static PeriodParseResult Parse(string? text, FiscalCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var raw = (text ?? string.Empty).AsSpan();
        var trimmed = raw.TrimStart();
        var offset = raw.Length - trimmed.Length;
        trimmed = trimmed.TrimEnd();
        if (trimmed.IsEmpty)
        {
            return PeriodParseResult.Failure("No period given. " + AbsolutePeriodReader.Expected, 0);
        }

        var relative = Relative(trimmed, calendar, today);
        if (relative is not null)
        {
            return PeriodParseResult.Success(relative);
        }

        if (trimmed.Length >= "last--days".Length
            && trimmed.StartsWith("last-", StringComparison.OrdinalIgnoreCase)
            && trimmed.EndsWith("-days", StringComparison.OrdinalIgnoreCase))
        {
            return LastDays(trimmed, offset, today);
        }

        return AbsolutePeriodReader.Read(trimmed, offset, calendar);
    }

    private static Period? Relative(ReadOnlySpan<char> s, FiscalCalendar calendar, DateOnly today)
    {
        if (Is(s, "today"))
        {
            return Period.Day(today);
        }

        if (Is(s, "yesterday"))
        {
            return Period.Day(today.AddDays(-1));
        }

        if (Is(s, "ytd"))
        {
            return Period.Custom(new DateRange(calendar.YearContaining(today).Range.Start, today.AddDays(1)));
        }

        var last = s.StartsWith("last-", StringComparison.OrdinalIgnoreCase);
        if (!last && !s.StartsWith("this-", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var unit = s[5..];
        var current = UnitContaining(unit, today, calendar);
        return last && current is not null ? UnitContaining(unit, current.Range.Start.AddDays(-1), calendar) : current;
    }

    private static Period? UnitContaining(ReadOnlySpan<char> unit, DateOnly day, FiscalCalendar calendar)
    {
        if (Is(unit, "week"))
        {
            return Period.WeekContaining(day);
        }

        if (Is(unit, "month"))
        {
            return Period.Month(day.Year, day.Month);
        }

        if (Is(unit, "quarter"))
        {
            return calendar.QuarterContaining(day);
        }

        if (Is(unit, "half"))
        {
            return calendar.HalfContaining(day);
        }

        return Is(unit, "year") ? calendar.YearContaining(day) : null;
    }

    private static PeriodParseResult LastDays(ReadOnlySpan<char> s, int offset, DateOnly today)
    {
        var digits = s["last-".Length..^"-days".Length];
        var count = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c) || count > MaxRelativeDays)
            {
                count = -1;
                break;
            }

            count = (count * 10) + (c - '0');
        }

        if (digits.IsEmpty || count < 1 || count > MaxRelativeDays)
        {
            return PeriodParseResult.Failure($"last-N-days needs N from 1 to {MaxRelativeDays}, such as last-30-days.", offset + "last-".Length);
        }

        return PeriodParseResult.Success(Period.Custom(new DateRange(today.AddDays(-count), today)));
    }

    private static bool Is(ReadOnlySpan<char> s, string word) => s.Equals(word, StringComparison.OrdinalIgnoreCase);
}
