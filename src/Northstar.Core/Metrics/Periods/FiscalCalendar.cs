namespace Northstar.Core.Metrics.Periods;

/// <summary>
/// The workspace's fiscal year: the month it starts in and which calendar year names it.
/// </summary>
/// <remarks>
/// <para>
/// A fiscal year starting in January is the calendar year; quarters and years then get calendar
/// labels ("2025-Q3", "2025") wherever a reporting quarter or year is derived from a day.
/// </para>
/// <para>
/// Naming follows <see cref="Naming"/>, by default <see cref="FiscalYearNaming.EndYear"/>: with an
/// October start, FY2026 is 2025-10-01..2026-09-30 (the US federal FY2026); with a February start,
/// FY2026 is 2025-02-01..2026-01-31 (Walmart's fiscal 2026). Workspaces that follow the retail
/// 4-5-4 habit of naming a year after its start pick <see cref="FiscalYearNaming.StartYear"/>, making
/// FY2026 2026-02-01..2027-01-31. Fiscal months are whole calendar months (no 4-4-5 weeks).
/// </para>
/// </remarks>
public sealed record FiscalCalendar
{
    /// <summary>The calendar year: the fiscal year starts in January.</summary>
    public static FiscalCalendar Calendar { get; } = new();

    /// <summary>Creates a fiscal calendar.</summary>
    /// <param name="startMonth">The month (1-12) the fiscal year starts in; 1 is the calendar year.</param>
    /// <param name="naming">Which calendar year a fiscal year is named after.</param>
    public FiscalCalendar(int startMonth = 1, FiscalYearNaming naming = FiscalYearNaming.EndYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startMonth, 12);
        StartMonth = startMonth;
        Naming = naming;
    }

    /// <summary>The month (1-12) the fiscal year starts in.</summary>
    public int StartMonth { get; }

    /// <summary>Which calendar year a fiscal year is named after.</summary>
    public FiscalYearNaming Naming { get; }

    /// <summary>True when the fiscal year is the calendar year (it starts in January).</summary>
    public bool IsCalendarYear => StartMonth == 1;

    // Fiscal year number minus the calendar year it starts in.
    private int NameOffset => Naming == FiscalYearNaming.EndYear && StartMonth != 1 ? 1 : 0;

    /// <summary>The first day of fiscal year <paramref name="fiscalYear"/>.</summary>
    public DateOnly StartOf(int fiscalYear) => new(fiscalYear - NameOffset, StartMonth, 1);

    /// <summary>The number of the fiscal year <paramref name="day"/> falls in.</summary>
    public int FiscalYearOf(DateOnly day) => (day.Month >= StartMonth ? day.Year : day.Year - 1) + NameOffset;

    /// <summary>The fiscal quarter (1-4) <paramref name="day"/> falls in.</summary>
    public int FiscalQuarterOf(DateOnly day) => (FiscalMonthIndex(day) / 3) + 1;

    /// <summary>The fiscal half (1-2) <paramref name="day"/> falls in.</summary>
    public int FiscalHalfOf(DateOnly day) => (FiscalMonthIndex(day) / 6) + 1;

    /// <summary>Fiscal year <paramref name="fiscalYear"/> as a period labelled "FY2026".</summary>
    public Period FiscalYear(int fiscalYear) => Slice(fiscalYear, 0, 12, PeriodKind.FiscalYear, $"FY{fiscalYear:D4}");

    /// <summary>Quarter <paramref name="quarter"/> (1-4) of a fiscal year, labelled "FY2026-Q1".</summary>
    public Period FiscalQuarter(int fiscalYear, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return Slice(fiscalYear, (quarter - 1) * 3, 3, PeriodKind.FiscalQuarter, $"FY{fiscalYear:D4}-Q{quarter}");
    }

    /// <summary>Half <paramref name="half"/> (1-2) of a fiscal year, labelled "FY2026-H2".</summary>
    public Period FiscalHalf(int fiscalYear, int half)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        return Slice(fiscalYear, (half - 1) * 6, 6, PeriodKind.FiscalHalf, $"FY{fiscalYear:D4}-H{half}");
    }

    /// <summary>
    /// The reporting year holding <paramref name="day"/>: the calendar year ("2025") when the
    /// fiscal year starts in January, otherwise the fiscal year ("FY2026").
    /// </summary>
    public Period YearContaining(DateOnly day) =>
        IsCalendarYear ? Period.Year(day.Year) : FiscalYear(FiscalYearOf(day));

    /// <summary>The reporting quarter holding <paramref name="day"/>: "2025-Q3", or "FY2026-Q1" off a January start.</summary>
    public Period QuarterContaining(DateOnly day) =>
        IsCalendarYear ? Period.Quarter(day.Year, ((day.Month - 1) / 3) + 1) : FiscalQuarter(FiscalYearOf(day), FiscalQuarterOf(day));

    /// <summary>The reporting half holding <paramref name="day"/>: "2025-H1", or "FY2026-H2" off a January start.</summary>
    public Period HalfContaining(DateOnly day) =>
        IsCalendarYear ? Period.Half(day.Year, ((day.Month - 1) / 6) + 1) : FiscalHalf(FiscalYearOf(day), FiscalHalfOf(day));

    private int FiscalMonthIndex(DateOnly day) => (day.Month - StartMonth + 12) % 12;

    private Period Slice(int fiscalYear, int firstMonth, int months, PeriodKind kind, FormattableString label)
    {
        var start = StartOf(fiscalYear).AddMonths(firstMonth);
        return new Period(new DateRange(start, start.AddMonths(months)), kind, FormattableString.Invariant(label));
    }
}
