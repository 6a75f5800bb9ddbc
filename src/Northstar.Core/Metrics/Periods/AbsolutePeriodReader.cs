using System.Globalization;

namespace Northstar.Core.Metrics.Periods;

/// <summary>Reads the absolute period forms (days, weeks, months, quarters, halves, years, FY forms, ranges).</summary>
internal static class AbsolutePeriodReader
{
    public const string Expected =
        "Expected a day (2025-07-14), ISO week (2025-W07), month (2025-07), quarter (2025-Q3), half (2025-H1), "
        + "year (2025), fiscal year (FY2026, FY2026-Q1, FY2026-H2), range (2025-07-01..2025-09-30), "
        + "or today, yesterday, this-/last-week|month|quarter|half|year, ytd, last-N-days.";

    private const int MinYear = 1000;
    private const int MaxYear = 9998;

    public static PeriodParseResult Read(ReadOnlySpan<char> s, int offset, FiscalCalendar calendar)
    {
        var dots = s.IndexOf("..", StringComparison.Ordinal);
        if (dots >= 0)
        {
            return ReadRange(s, offset, dots);
        }

        if (s.StartsWith("FY", StringComparison.OrdinalIgnoreCase))
        {
            return ReadFiscal(s, offset, calendar);
        }

        return ReadCalendar(s, offset);
    }

    private static PeriodParseResult ReadRange(ReadOnlySpan<char> s, int offset, int dots)
    {
        var startError = ReadDay(s[..dots], offset, out var start);
        if (startError is not null)
        {
            return startError;
        }

        var endAt = dots + 2;
        var endError = ReadDay(s[endAt..], offset + endAt, out var last);
        if (endError is not null)
        {
            return endError;
        }

        if (last < start)
        {
            return Fail($"The range ends ({Period.Format(last)}) before it starts ({Period.Format(start)}).", offset + endAt);
        }

        return PeriodParseResult.Success(Period.Custom(new DateRange(start, last.AddDays(1))));
    }

    private static PeriodParseResult ReadFiscal(ReadOnlySpan<char> s, int offset, FiscalCalendar calendar)
    {
        var yearError = ReadYear(s, 2, offset, out var year);
        if (yearError is not null)
        {
            return yearError;
        }

        if (s.Length == 6)
        {
            return PeriodParseResult.Success(calendar.FiscalYear(year));
        }

        if (s.Length == 9 && s[6] == '-' && char.IsAsciiDigit(s[8]))
        {
            var n = s[8] - '0';
            switch (char.ToUpperInvariant(s[7]))
            {
                case 'Q' when n is >= 1 and <= 4:
                    return PeriodParseResult.Success(calendar.FiscalQuarter(year, n));
                case 'H' when n is >= 1 and <= 2:
                    return PeriodParseResult.Success(calendar.FiscalHalf(year, n));
            }
        }

        return Fail("Not a fiscal period: expected FY2026, FY2026-Q1 to FY2026-Q4, or FY2026-H1/FY2026-H2.", offset + Math.Min(6, s.Length));
    }

    private static PeriodParseResult ReadCalendar(ReadOnlySpan<char> s, int offset)
    {
        if (s.Length < 4 || !Digits(s, 0, 4, out _))
        {
            return Fail("Unknown period. " + Expected, offset);
        }

        var yearError = ReadYear(s, 0, offset, out var year);
        if (yearError is not null)
        {
            return yearError;
        }

        if (s.Length == 4)
        {
            return PeriodParseResult.Success(Period.Year(year));
        }

        if (s.Length < 6 || s[4] != '-')
        {
            return Fail("Unknown period. " + Expected, offset + 4);
        }

        return char.ToUpperInvariant(s[5]) switch
        {
            'W' => ReadWeek(s, offset, year),
            'Q' when s.Length == 7 && s[6] is >= '1' and <= '4' => PeriodParseResult.Success(Period.Quarter(year, s[6] - '0')),
            'H' when s.Length == 7 && s[6] is '1' or '2' => PeriodParseResult.Success(Period.Half(year, s[6] - '0')),
            'Q' or 'H' => Fail("A quarter is Q1 to Q4 and a half H1 or H2, as in 2025-Q3 or 2025-H1.", offset + 6),
            _ when s.Length == 7 => ReadMonth(s, offset, year),
            _ => ReadDayPeriod(s, offset),
        };
    }

    private static PeriodParseResult ReadWeek(ReadOnlySpan<char> s, int offset, int year)
    {
        if (s.Length != 8 || !Digits(s, 6, 2, out var week))
        {
            return Fail("An ISO week is written with two digits, as in 2025-W07.", offset + 6);
        }

        var weeks = ISOWeek.GetWeeksInYear(year);
        if (week < 1 || week > weeks)
        {
            return Fail(string.Create(CultureInfo.InvariantCulture, $"ISO year {year:D4} has weeks W01 to W{weeks:D2}; there is no W{week:D2}."), offset + 6);
        }

        return PeriodParseResult.Success(Period.Week(year, week));
    }

    private static PeriodParseResult ReadMonth(ReadOnlySpan<char> s, int offset, int year)
    {
        if (!Digits(s, 5, 2, out var month))
        {
            return Fail("Unknown period. " + Expected, offset + 5);
        }

        return month is < 1 or > 12
            ? Fail($"Month {s.Slice(5, 2)} does not exist: months run 01 to 12.", offset + 5)
            : PeriodParseResult.Success(Period.Month(year, month));
    }

    private static PeriodParseResult ReadDayPeriod(ReadOnlySpan<char> s, int offset)
    {
        var error = ReadDay(s, offset, out var day);
        return error ?? PeriodParseResult.Success(Period.Day(day));
    }

    // Returns null and sets day when s is exactly yyyy-MM-dd with a real date.
    private static PeriodParseResult? ReadDay(ReadOnlySpan<char> s, int offset, out DateOnly day)
    {
        day = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-' || !Digits(s, 0, 4, out _) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var dayOfMonth))
        {
            return Fail("Expected a day written as 2025-07-14. " + Expected, offset);
        }

        var yearError = ReadYear(s, 0, offset, out var year);
        if (yearError is not null)
        {
            return yearError;
        }

        if (month is < 1 or > 12)
        {
            return Fail($"Month {s.Slice(5, 2)} does not exist: months run 01 to 12.", offset + 5);
        }

        var daysInMonth = DateTime.DaysInMonth(year, month);
        if (dayOfMonth < 1 || dayOfMonth > daysInMonth)
        {
            return Fail($"Day {s.Slice(8, 2)} does not exist: {s[..7]} has {daysInMonth} days.", offset + 8);
        }

        day = new DateOnly(year, month, dayOfMonth);
        return null;
    }

    private static PeriodParseResult? ReadYear(ReadOnlySpan<char> s, int at, int offset, out int year)
    {
        if (!Digits(s, at, 4, out year))
        {
            return Fail("A year is written with four digits, as in 2025 or FY2026.", offset + at);
        }

        return year is < MinYear or > MaxYear
            ? Fail(string.Create(CultureInfo.InvariantCulture, $"Year {year:D4} is out of range: years run {MinYear} to {MaxYear}."), offset + at)
            : null;
    }

    private static bool Digits(ReadOnlySpan<char> s, int at, int count, out int value)
    {
        value = 0;
        if (s.Length < at + count)
        {
            return false;
        }

        foreach (var c in s.Slice(at, count))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static PeriodParseResult Fail(string reason, int position) => PeriodParseResult.Failure(reason, position);
}
