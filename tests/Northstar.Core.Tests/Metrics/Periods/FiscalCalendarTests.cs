using Northstar.Core.Metrics.Periods;
using static Northstar.Core.Tests.Metrics.Periods.PeriodTestData;

namespace Northstar.Core.Tests.Metrics.Periods;

public sealed class FiscalCalendarTests
{
    [Fact]
    public void FiscalYear_OctoberStartNamedByEndYear_RunsOctoberToSeptember()
    {
        // Act
        var fy = October.FiscalYear(2026);

        // Assert: the US federal FY2026
        Assert.Equal(Range("2025-10-01", "2026-10-01"), fy.Range);
        Assert.Equal(PeriodKind.FiscalYear, fy.Kind);
        Assert.Equal("FY2026", fy.Label);
    }

    [Fact]
    public void FiscalYearOf_OctoberStartEdgeDays_SwitchesOnOctoberFirst()
    {
        Assert.Equal(2025, October.FiscalYearOf(Day("2025-09-30")));
        Assert.Equal(2026, October.FiscalYearOf(Day("2025-10-01")));
        Assert.Equal(2026, October.FiscalYearOf(Day("2026-09-30")));
    }

    [Fact]
    public void FiscalYear_FebruaryStartNamedByStartYear_RunsFebruaryToJanuaryNextYear()
    {
        // Arrange
        var retail = new FiscalCalendar(2, FiscalYearNaming.StartYear);

        // Act / Assert
        Assert.Equal(Range("2026-02-01", "2027-02-01"), retail.FiscalYear(2026).Range);
        Assert.Equal(2025, retail.FiscalYearOf(Day("2026-01-31")));
        Assert.Equal(2026, retail.FiscalYearOf(Day("2026-02-01")));
        Assert.Equal(Range("2026-11-01", "2027-02-01"), retail.FiscalQuarter(2026, 4).Range);
    }

    [Fact]
    public void FiscalYear_FebruaryStartNamedByEndYear_EndsInJanuaryOfItsYear()
    {
        // Arrange
        var walmart = new FiscalCalendar(2);

        // Act / Assert
        Assert.Equal(Range("2025-02-01", "2026-02-01"), walmart.FiscalYear(2026).Range);
        Assert.Equal(2026, walmart.FiscalYearOf(Day("2026-01-31")));
        Assert.Equal(2027, walmart.FiscalYearOf(Day("2026-02-01")));
    }

    [Fact]
    public void FiscalYear_DecemberStart_QuarterOneIsDecemberToFebruary()
    {
        // Arrange
        var december = new FiscalCalendar(12);

        // Act / Assert
        Assert.Equal(Range("2025-12-01", "2026-12-01"), december.FiscalYear(2026).Range);
        Assert.Equal(2026, december.FiscalYearOf(Day("2025-12-01")));
        Assert.Equal(2025, december.FiscalYearOf(Day("2025-11-30")));
        Assert.Equal(1, december.FiscalQuarterOf(Day("2026-02-28")));
        Assert.Equal(2, december.FiscalQuarterOf(Day("2026-03-01")));
        Assert.Equal(Range("2025-12-01", "2026-03-01"), december.FiscalQuarter(2026, 1).Range);
    }

    [Theory]
    [InlineData(FiscalYearNaming.EndYear)]
    [InlineData(FiscalYearNaming.StartYear)]
    public void FiscalYear_JanuaryStart_IsTheCalendarYearWhateverTheNaming(FiscalYearNaming naming)
    {
        // Arrange
        var calendar = new FiscalCalendar(1, naming);

        // Act / Assert
        Assert.Equal(Range("2026-01-01", "2027-01-01"), calendar.FiscalYear(2026).Range);
        Assert.Equal(2026, calendar.FiscalYearOf(Day("2026-12-31")));
        Assert.True(calendar.IsCalendarYear);
    }

    [Fact]
    public void QuarterAndHalf_OctoberStart_AreFiscalOnesLabelledFy()
    {
        // Act
        var quarter = October.QuarterContaining(Day("2026-05-14"));
        var half = October.HalfContaining(Day("2026-05-14"));
        var h2 = October.FiscalHalf(2026, 2);

        // Assert: Oct-Dec Q1, Jan-Mar Q2, Apr-Jun Q3
        Assert.Equal(Range("2026-04-01", "2026-07-01"), quarter.Range);
        Assert.Equal("FY2026-Q3", quarter.Label);
        Assert.Equal(PeriodKind.FiscalQuarter, quarter.Kind);
        Assert.Equal(Range("2026-04-01", "2026-10-01"), half.Range);
        Assert.Equal("FY2026-H2", half.Label);
        Assert.Equal(h2, half);
    }

    [Fact]
    public void YearAndQuarterContaining_JanuaryStart_AreCalendarOnes()
    {
        // Act
        var quarter = FiscalCalendar.Calendar.QuarterContaining(Day("2025-08-15"));
        var year = FiscalCalendar.Calendar.YearContaining(Day("2025-08-15"));

        // Assert
        Assert.Equal(Range("2025-07-01", "2025-10-01"), quarter.Range);
        Assert.Equal("2025-Q3", quarter.Label);
        Assert.Equal(PeriodKind.Quarter, quarter.Kind);
        Assert.Equal("2025", year.Label);
        Assert.Equal(PeriodKind.Year, year.Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Constructor_StartMonthOutsideOneToTwelve_Throws(int month)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalCalendar(month));
    }
}
