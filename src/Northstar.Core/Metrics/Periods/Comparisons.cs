namespace Northstar.Core.Metrics.Periods;

/// <summary>The period a period is compared with.</summary>
public static class Comparisons
{
    /// <summary>
    /// The comparison period for <paramref name="period"/>, or null for <see cref="Comparison.None"/>.
    /// Pass the fiscal calendar the period was made with (it labels fiscal quarters and years).
    /// </summary>
    /// <remarks>
    /// <para><see cref="Comparison.PreviousPeriod"/>: the unit just before for days, ISO weeks,
    /// months, quarters, halves and years, calendar or fiscal (March compares with February, whatever
    /// the day counts); for custom periods, including <c>ytd</c> and <c>last-N-days</c>, the same
    /// number of days ending the day before the period starts (ytd 2026-01-01..2026-05-14, 134 days,
    /// compares with 2025-08-20..2025-12-31).</para>
    /// <para><see cref="Comparison.SamePeriodLastYear"/>: the same month, quarter, half or year one
    /// year earlier; for an ISO week the same week number of the previous ISO year, or its last week
    /// (W52) when that year has no W53; for days and custom periods the same dates one year earlier,
    /// 29 February becoming 28 February, so a partial period (ytd) compares with an equally
    /// partial one.</para>
    /// </remarks>
    public static Period? RangeFor(Period period, Comparison comparison, FiscalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(calendar);
        return comparison switch
        {
            Comparison.None => null,
            Comparison.PreviousPeriod => Previous(period, calendar),
            Comparison.SamePeriodLastYear => LastYear(period, calendar),
            _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Unknown comparison."),
        };
    }

    private static Period Previous(Period period, FiscalCalendar calendar)
    {
        var start = period.Range.Start;
        return period.Kind switch
        {
            PeriodKind.Day => Period.Day(start.AddDays(-1)),
            PeriodKind.Week => Period.WeekContaining(start.AddDays(-7)),
            PeriodKind.Month => MonthOf(start.AddMonths(-1)),
            PeriodKind.Quarter => Period.Quarter(start.AddMonths(-3).Year, ((start.AddMonths(-3).Month - 1) / 3) + 1),
            PeriodKind.Half => Period.Half(start.AddMonths(-6).Year, ((start.AddMonths(-6).Month - 1) / 6) + 1),
            PeriodKind.Year => Period.Year(start.Year - 1),
            PeriodKind.FiscalQuarter => FiscalQuarterOf(start.AddMonths(-3), calendar),
            PeriodKind.FiscalHalf => FiscalHalfOf(start.AddMonths(-6), calendar),
            PeriodKind.FiscalYear => calendar.FiscalYear(calendar.FiscalYearOf(start) - 1),
            _ => Period.Custom(new DateRange(start.AddDays(-period.Range.Days), start)),
        };
    }

    private static Period LastYear(Period period, FiscalCalendar calendar)
    {
        var start = period.Range.Start;
        var yearBefore = start.AddYears(-1);
        return period.Kind switch
        {
            PeriodKind.Day => Period.Day(yearBefore),
            PeriodKind.Week => SameWeekLastYear(start),
            PeriodKind.Month => MonthOf(yearBefore),
            PeriodKind.Quarter => Period.Quarter(yearBefore.Year, ((yearBefore.Month - 1) / 3) + 1),
            PeriodKind.Half => Period.Half(yearBefore.Year, ((yearBefore.Month - 1) / 6) + 1),
            PeriodKind.Year => Period.Year(yearBefore.Year),
            PeriodKind.FiscalQuarter => FiscalQuarterOf(yearBefore, calendar),
            PeriodKind.FiscalHalf => FiscalHalfOf(yearBefore, calendar),
            PeriodKind.FiscalYear => calendar.FiscalYear(calendar.FiscalYearOf(yearBefore)),
            _ => Period.Custom(new DateRange(yearBefore, period.Range.End.AddDays(-1).AddYears(-1).AddDays(1))),
        };
    }

    private static Period SameWeekLastYear(DateOnly monday)
    {
        var instant = monday.ToDateTime(TimeOnly.MinValue);
        var previousYear = System.Globalization.ISOWeek.GetYear(instant) - 1;
        var week = Math.Min(System.Globalization.ISOWeek.GetWeekOfYear(instant), System.Globalization.ISOWeek.GetWeeksInYear(previousYear));
        return Period.Week(previousYear, week);
    }

    private static Period MonthOf(DateOnly day) => Period.Month(day.Year, day.Month);

    private static Period FiscalQuarterOf(DateOnly day, FiscalCalendar calendar) =>
        calendar.FiscalQuarter(calendar.FiscalYearOf(day), calendar.FiscalQuarterOf(day));

    private static Period FiscalHalfOf(DateOnly day, FiscalCalendar calendar) =>
        calendar.FiscalHalf(calendar.FiscalYearOf(day), calendar.FiscalHalfOf(day));
}
