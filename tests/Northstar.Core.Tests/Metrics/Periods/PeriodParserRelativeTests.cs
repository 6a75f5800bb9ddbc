using Northstar.Core.Metrics.Periods;
using static Northstar.Core.Tests.Metrics.Periods.PeriodTestData;

namespace Northstar.Core.Tests.Metrics.Periods;

/// <summary>Relative forms, all on <see cref="PeriodTestData.Today"/> = Thursday 2026-05-14 unless said.</summary>
public sealed class PeriodParserRelativeTests
{
    [Theory]
    [InlineData("today", PeriodKind.Day, "2026-05-14", "2026-05-15", "2026-05-14")]
    [InlineData("Yesterday", PeriodKind.Day, "2026-05-13", "2026-05-14", "2026-05-13")]
    [InlineData("this-week", PeriodKind.Week, "2026-05-11", "2026-05-18", "2026-W20")]
    [InlineData("LAST-WEEK", PeriodKind.Week, "2026-05-04", "2026-05-11", "2026-W19")]
    [InlineData("this-month", PeriodKind.Month, "2026-05-01", "2026-06-01", "2026-05")]
    [InlineData("last-month", PeriodKind.Month, "2026-04-01", "2026-05-01", "2026-04")]
    [InlineData("this-quarter", PeriodKind.Quarter, "2026-04-01", "2026-07-01", "2026-Q2")]
    [InlineData("last-quarter", PeriodKind.Quarter, "2026-01-01", "2026-04-01", "2026-Q1")]
    [InlineData("this-half", PeriodKind.Half, "2026-01-01", "2026-07-01", "2026-H1")]
    [InlineData("last-half", PeriodKind.Half, "2025-07-01", "2026-01-01", "2025-H2")]
    [InlineData("this-year", PeriodKind.Year, "2026-01-01", "2027-01-01", "2026")]
    [InlineData("last-year", PeriodKind.Year, "2025-01-01", "2026-01-01", "2025")]
    [InlineData("ytd", PeriodKind.Custom, "2026-01-01", "2026-05-15", "2026-01-01..2026-05-14")]
    [InlineData("last-7-days", PeriodKind.Custom, "2026-05-07", "2026-05-14", "2026-05-07..2026-05-13")]
    [InlineData("last-30-days", PeriodKind.Custom, "2026-04-14", "2026-05-14", "2026-04-14..2026-05-13")]
    [InlineData("last-90-days", PeriodKind.Custom, "2026-02-13", "2026-05-14", "2026-02-13..2026-05-13")]
    public void Parse_RelativeFormsCalendarYear_ResolveAgainstToday(string text, PeriodKind kind, string start, string endExclusive, string label)
    {
        // Act
        var period = ParseOk(text);

        // Assert
        Assert.Equal(new Period(Range(start, endExclusive), kind, label), period);
    }

    [Theory]
    [InlineData("this-quarter", PeriodKind.FiscalQuarter, "2026-04-01", "2026-07-01", "FY2026-Q3")]
    [InlineData("last-quarter", PeriodKind.FiscalQuarter, "2026-01-01", "2026-04-01", "FY2026-Q2")]
    [InlineData("this-half", PeriodKind.FiscalHalf, "2026-04-01", "2026-10-01", "FY2026-H2")]
    [InlineData("this-year", PeriodKind.FiscalYear, "2025-10-01", "2026-10-01", "FY2026")]
    [InlineData("last-year", PeriodKind.FiscalYear, "2024-10-01", "2025-10-01", "FY2025")]
    [InlineData("ytd", PeriodKind.Custom, "2025-10-01", "2026-05-15", "2025-10-01..2026-05-14")]
    [InlineData("this-month", PeriodKind.Month, "2026-05-01", "2026-06-01", "2026-05")]
    public void Parse_RelativeFormsOctoberStart_FollowTheFiscalYear(string text, PeriodKind kind, string start, string endExclusive, string label)
    {
        // Act
        var period = ParseOk(text, October);

        // Assert
        Assert.Equal(new Period(Range(start, endExclusive), kind, label), period);
    }

    [Fact]
    public void Parse_LastQuarterEarlyInFiscalYear_IsLastQuarterOfPreviousFiscalYear()
    {
        // Act
        var period = ParseOk("last-quarter", October, Day("2025-11-03"));

        // Assert
        Assert.Equal(new Period(Range("2025-07-01", "2025-10-01"), PeriodKind.FiscalQuarter, "FY2025-Q4"), period);
    }

    [Fact]
    public void Parse_LastMonthInJanuary_IsDecemberOfPreviousYear()
    {
        // Act
        var period = ParseOk("last-month", today: Day("2026-01-10"));

        // Assert
        Assert.Equal(new Period(Range("2025-12-01", "2026-01-01"), PeriodKind.Month, "2025-12"), period);
    }

    [Fact]
    public void Parse_WeeksOnNewYearsDay2026_IsoWeekOneStartsInDecember()
    {
        // Act: 2026-01-01 is a Thursday, in ISO week 2026-W01
        var thisWeek = ParseOk("this-week", today: Day("2026-01-01"));
        var lastWeek = ParseOk("last-week", today: Day("2026-01-01"));

        // Assert
        Assert.Equal(new Period(Range("2025-12-29", "2026-01-05"), PeriodKind.Week, "2026-W01"), thisWeek);
        Assert.Equal(new Period(Range("2025-12-22", "2025-12-29"), PeriodKind.Week, "2025-W52"), lastWeek);
    }

    [Fact]
    public void Parse_ThisWeekOnSunday_StartsTheMondayBefore()
    {
        // Act: 2026-05-17 is a Sunday
        var period = ParseOk("this-week", today: Day("2026-05-17"));

        // Assert
        Assert.Equal(Range("2026-05-11", "2026-05-18"), period.Range);
    }

    [Fact]
    public void Parse_YtdOnFirstDayOfYear_IsOneDay()
    {
        // Act
        var period = ParseOk("ytd", today: Day("2026-01-01"));

        // Assert
        Assert.Equal(Range("2026-01-01", "2026-01-02"), period.Range);
    }
}
