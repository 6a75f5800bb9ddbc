using System.Globalization;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Core.Tests.Metrics.Periods;

/// <summary>Short ways to write expected days and ranges in the period tests.</summary>
internal static class PeriodTestData
{
    /// <summary>A Thursday, in the middle of 2026-Q2 and of FY2026-Q3 under an October start.</summary>
    public static readonly DateOnly Today = Day("2026-05-14");

    public static readonly FiscalCalendar October = new(startMonth: 10);

    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A range written with its first day and its exclusive end, as DateRange holds it.</summary>
    public static DateRange Range(string start, string endExclusive) => new(Day(start), Day(endExclusive));

    public static Period ParseOk(string text, FiscalCalendar? calendar = null, DateOnly? today = null)
    {
        var result = PeriodParser.Parse(text, calendar ?? FiscalCalendar.Calendar, today ?? Today);
        Assert.True(result.IsSuccess, result.Error?.Reason);
        return result.Period;
    }

    public static PeriodParseError ParseError(string text, FiscalCalendar? calendar = null)
    {
        var result = PeriodParser.Parse(text, calendar ?? FiscalCalendar.Calendar, Today);
        Assert.False(result.IsSuccess, $"'{text}' parsed as {result.Period}");
        return result.Error;
    }
}
