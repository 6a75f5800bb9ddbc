using Northstar.Core.Metrics.Periods;
using static Northstar.Core.Tests.Metrics.Periods.PeriodTestData;

namespace Northstar.Core.Tests.Metrics.Periods;

public sealed class PeriodParserAbsoluteTests
{
    [Theory]
    [InlineData("2025-07-14", PeriodKind.Day, "2025-07-14", "2025-07-15", "2025-07-14")]
    [InlineData("2024-02-29", PeriodKind.Day, "2024-02-29", "2024-03-01", "2024-02-29")]
    [InlineData("2025-07", PeriodKind.Month, "2025-07-01", "2025-08-01", "2025-07")]
    [InlineData("2024-02", PeriodKind.Month, "2024-02-01", "2024-03-01", "2024-02")]
    [InlineData("2025-Q3", PeriodKind.Quarter, "2025-07-01", "2025-10-01", "2025-Q3")]
    [InlineData("2025-q4", PeriodKind.Quarter, "2025-10-01", "2026-01-01", "2025-Q4")]
    [InlineData("2025-H1", PeriodKind.Half, "2025-01-01", "2025-07-01", "2025-H1")]
    [InlineData("2025-h2", PeriodKind.Half, "2025-07-01", "2026-01-01", "2025-H2")]
    [InlineData("2025", PeriodKind.Year, "2025-01-01", "2026-01-01", "2025")]
    [InlineData("  2025-Q3 ", PeriodKind.Quarter, "2025-07-01", "2025-10-01", "2025-Q3")]
    public void Parse_CalendarForms_GiveTheirDays(string text, PeriodKind kind, string start, string endExclusive, string label)
    {
        // Act
        var period = ParseOk(text);

        // Assert
        Assert.Equal(new Period(Range(start, endExclusive), kind, label), period);
    }

    [Theory]
    [InlineData("2025-W07", "2025-02-10", "2025-02-17", "2025-W07")] // W01 starts Mon 2024-12-30
    [InlineData("2025-w29", "2025-07-14", "2025-07-21", "2025-W29")]
    [InlineData("2026-W01", "2025-12-29", "2026-01-05", "2026-W01")] // 2026-01-01 is a Thursday
    [InlineData("2026-W53", "2026-12-28", "2027-01-04", "2026-W53")] // starts on a Thursday: 53 weeks
    [InlineData("2020-W53", "2020-12-28", "2021-01-04", "2020-W53")] // leap, starts on a Wednesday: 53 weeks
    [InlineData("2021-W01", "2021-01-04", "2021-01-11", "2021-W01")]
    public void Parse_IsoWeek_RunsMondayToSunday(string text, string start, string endExclusive, string label)
    {
        // Act
        var period = ParseOk(text);

        // Assert
        Assert.Equal(new Period(Range(start, endExclusive), PeriodKind.Week, label), period);
        Assert.Equal(DayOfWeek.Monday, period.Range.Start.DayOfWeek);
    }

    [Theory]
    [InlineData("FY2026", PeriodKind.FiscalYear, "2025-10-01", "2026-10-01", "FY2026")]
    [InlineData("fy2026-q1", PeriodKind.FiscalQuarter, "2025-10-01", "2026-01-01", "FY2026-Q1")]
    [InlineData("FY2026-Q4", PeriodKind.FiscalQuarter, "2026-07-01", "2026-10-01", "FY2026-Q4")]
    [InlineData("FY2026-H2", PeriodKind.FiscalHalf, "2026-04-01", "2026-10-01", "FY2026-H2")]
    public void Parse_FiscalFormsOctoberStart_FollowTheCalendar(string text, PeriodKind kind, string start, string endExclusive, string label)
    {
        // Act
        var period = ParseOk(text, October);

        // Assert
        Assert.Equal(new Period(Range(start, endExclusive), kind, label), period);
    }

    [Fact]
    public void Parse_FiscalYearJanuaryStart_IsTheCalendarYear()
    {
        // Act
        var period = ParseOk("FY2026");

        // Assert
        Assert.Equal(new Period(Range("2026-01-01", "2027-01-01"), PeriodKind.FiscalYear, "FY2026"), period);
    }

    [Theory]
    [InlineData(FiscalYearNaming.StartYear, "2026-02-01", "2027-02-01")]
    [InlineData(FiscalYearNaming.EndYear, "2025-02-01", "2026-02-01")]
    public void Parse_FiscalYearFebruaryStart_NamedAsTheCalendarSays(FiscalYearNaming naming, string start, string endExclusive)
    {
        // Act
        var period = ParseOk("FY2026", new FiscalCalendar(2, naming));

        // Assert
        Assert.Equal(Range(start, endExclusive), period.Range);
    }

    [Fact]
    public void Parse_CustomRange_IncludesBothEndsTyped()
    {
        // Act
        var period = ParseOk("2025-07-01..2025-09-30");

        // Assert: End is exclusive, so the day after the last typed day
        Assert.Equal(new Period(Range("2025-07-01", "2025-10-01"), PeriodKind.Custom, "2025-07-01..2025-09-30"), period);
        Assert.Equal(92, period.Range.Days);
    }

    [Fact]
    public void Parse_CustomRangeOfOneDay_IsOneDayLong()
    {
        // Act
        var period = ParseOk("2024-02-29..2024-02-29");

        // Assert
        Assert.Equal(Range("2024-02-29", "2024-03-01"), period.Range);
        Assert.Equal(PeriodKind.Custom, period.Kind);
    }

    [Theory]
    [InlineData("2025-W07")]
    [InlineData("2025-07-01..2025-09-30")]
    [InlineData("FY2026-H2")]
    [InlineData("2025-H1")]
    public void Parse_Label_ReadsBackToTheSamePeriod(string text)
    {
        // Arrange
        var period = ParseOk(text, October);

        // Act
        var again = ParseOk(period.Label, October);

        // Assert
        Assert.Equal(period, again);
    }
}
