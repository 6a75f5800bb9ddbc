using Northstar.Core.Metrics.Periods;
using static Northstar.Core.Tests.Metrics.Periods.PeriodTestData;

namespace Northstar.Core.Tests.Metrics.Periods;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2026-10-31", 0.0)] // the day before
    [InlineData("2026-11-01", 1.0 / 30)]
    [InlineData("2026-11-10", 10.0 / 30)]
    [InlineData("2026-11-30", 1.0)]
    [InlineData("2027-01-15", 1.0)] // after: clamped
    public void ElapsedFraction_November_CountsTodayAsElapsed(string today, double expected)
    {
        // Arrange
        var november = Period.Month(2026, 11);

        // Act
        var fraction = november.ElapsedFraction(Day(today));

        // Assert
        Assert.Equal(expected, fraction, precision: 12);
    }

    [Fact]
    public void ElapsedFraction_LeapYearOnFebruary29_IsSixtyOf366()
    {
        // Act
        var fraction = Period.Year(2024).ElapsedFraction(Day("2024-02-29"));

        // Assert: 31 January days + 29 February days
        Assert.Equal(60.0 / 366, fraction, precision: 12);
    }

    [Fact]
    public void Contains_LastDayAndDayAfter_IncludesOnlyTheLastDay()
    {
        // Arrange
        var quarter = Period.Quarter(2025, 3);

        // Act / Assert
        Assert.True(quarter.Contains(Day("2025-09-30")));
        Assert.False(quarter.Contains(Day("2025-10-01")));
        Assert.True(quarter.Contains(Day("2025-07-01")));
    }

    [Fact]
    public void WeekContaining_SundayThirdOfJanuary2021_IsWeek53Of2020()
    {
        // Act
        var week = Period.WeekContaining(Day("2021-01-03"));

        // Assert
        Assert.Equal(new Period(Range("2020-12-28", "2021-01-04"), PeriodKind.Week, "2020-W53"), week);
    }

    [Fact]
    public void Custom_EmptyRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => Period.Custom(Range("2025-07-01", "2025-07-01")));
    }

    [Fact]
    public void ToString_Quarter_IsTheLabel()
    {
        Assert.Equal("2025-Q3", Period.Quarter(2025, 3).ToString());
    }
}
