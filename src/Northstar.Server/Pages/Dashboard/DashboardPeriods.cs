using System.Globalization;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Server.Pages.Dashboard;

/// <summary>The month or quarter a page shows: asked for in the query string, or the default.</summary>
public static class DashboardPeriods
{
    /// <summary>Share of a period's days that must have data for it to be the default ("complete-ish").</summary>
    public const double CompleteShare = 0.8;

    /// <summary>
    /// The period: <paramref name="text"/> when it reads as a period (2025-09, 2025-Q3; another
    /// period is read as the month or quarter it starts in), else
    /// the default for the view: the month (or fiscal quarter) holding the last day with data when at least 80% of
    /// its days are in, else the one before it. Without data: the current one.
    /// </summary>
    public static Period Resolve(string? text, bool quarter, FiscalCalendar calendar, DateOnly today, DateOnly? lastDataDay)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var parsed = PeriodParser.Parse(text, calendar, today);
            if (parsed.IsSuccess)
            {
                // The pages show a month or a quarter: another period (a year, a week) is read as the one it starts in.
                var snapped = Containing(parsed.Period.Range.Start, quarter, calendar);
                return snapped.Range == parsed.Period.Range ? parsed.Period : snapped;
            }
        }

        var last = lastDataDay ?? today;
        var period = Containing(last, quarter, calendar);
        var covered = (double)(last.DayNumber - period.Range.Start.DayNumber + 1) / period.Range.Days;
        return covered >= CompleteShare ? period : Containing(period.Range.Start.AddDays(-1), quarter, calendar);
    }

    /// <summary>The month or fiscal quarter holding the day.</summary>
    public static Period Containing(DateOnly day, bool quarter, FiscalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return quarter ? calendar.QuarterContaining(day) : Period.Month(day.Year, day.Month);
    }

    /// <summary>The <paramref name="count"/> months (or quarters) ending with <paramref name="period"/>'s, oldest first: the range a sparkline covers.</summary>
    public static DateRange Trailing(Period period, bool quarter, int count, FiscalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(period);
        var start = period.Range.Start;
        for (var i = 1; i < count; i++)
        {
            start = Containing(start.AddDays(-1), quarter, calendar).Range.Start;
        }

        return new DateRange(start, period.Range.End);
    }

    /// <summary>The period's label as the query string takes it.</summary>
    public static string QueryText(Period period) => period.Label.ToString(CultureInfo.InvariantCulture);
}
