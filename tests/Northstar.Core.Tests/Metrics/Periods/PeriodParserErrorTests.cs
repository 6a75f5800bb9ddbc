using Northstar.Core.Metrics.Periods;
using static Northstar.Core.Tests.Metrics.Periods.PeriodTestData;

namespace Northstar.Core.Tests.Metrics.Periods;

public sealed class PeriodParserErrorTests
{
    [Theory]
    [InlineData("next-week", 0)]
    [InlineData("last-fortnight", 0)]
    [InlineData("July", 0)]
    [InlineData("2025/07", 4)]
    [InlineData("20251", 4)]
    [InlineData("2025-7", 0)]
    [InlineData("last-", 0)]
    public void Parse_UnknownForm_FailsAtFirstBadCharacter(string text, int position)
    {
        // Act
        var error = ParseError(text);

        // Assert
        Assert.Equal(position, error.Position);
        Assert.Contains("2025-07-14", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_Nothing_FailsWithoutThrowing(string? text)
    {
        // Act
        var result = PeriodParser.Parse(text, FiscalCalendar.Calendar, Today);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Equal(0, result.Error.Position);
    }

    [Theory]
    [InlineData("2025-13", 5)]
    [InlineData("2025-00", 5)]
    [InlineData("2025-13-01", 5)]
    [InlineData(" 2025-13", 6)]
    public void Parse_MonthThirteen_FailsAtTheMonth(string text, int position)
    {
        // Act
        var error = ParseError(text);

        // Assert
        Assert.Equal(position, error.Position);
        Assert.Contains("months run 01 to 12", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DayThirtyOneOfJune_SaysJuneHasThirtyDays()
    {
        // Act
        var error = ParseError("2025-06-31");

        // Assert
        Assert.Equal(8, error.Position);
        Assert.Equal("Day 31 does not exist: 2025-06 has 30 days.", error.Reason);
    }

    [Fact]
    public void Parse_FebruaryTwentyNinthOfCommonYear_Fails()
    {
        // Act
        var error = ParseError("2025-02-29");

        // Assert
        Assert.Equal(8, error.Position);
        Assert.Equal("Day 29 does not exist: 2025-02 has 28 days.", error.Reason);
    }

    [Fact]
    public void Parse_RangeEndingBeforeItStarts_FailsAtTheEnd()
    {
        // Act
        var error = ParseError("2025-09-30..2025-07-01");

        // Assert
        Assert.Equal(12, error.Position);
        Assert.Equal("The range ends (2025-07-01) before it starts (2025-09-30).", error.Reason);
    }

    [Theory]
    [InlineData("2025-07-01..2025-06-31", 20)]
    [InlineData("2025-07-01..", 12)]
    [InlineData("..2025-07-01", 0)]
    [InlineData("2025-07..2025-09", 0)]
    public void Parse_RangeWithBadEnd_FailsAtThatEnd(string text, int position)
    {
        // Act
        var error = ParseError(text);

        // Assert
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Parse_Week53OfYearWithout_FailsAtTheWeek()
    {
        // Act: 2025 starts on a Wednesday and is not leap, so it has 52 ISO weeks
        var error = ParseError("2025-W53");

        // Assert
        Assert.Equal(6, error.Position);
        Assert.Equal("ISO year 2025 has weeks W01 to W52; there is no W53.", error.Reason);
    }

    [Theory]
    [InlineData("2025-W00", 6)]
    [InlineData("2025-W7", 6)]
    [InlineData("2025-Q5", 6)]
    [InlineData("2025-Q0", 6)]
    [InlineData("2025-H3", 6)]
    [InlineData("FY2026-Q5", 6)]
    [InlineData("FY2026-H3", 6)]
    [InlineData("FY2026Q1", 6)]
    [InlineData("FY26", 2)]
    [InlineData("0999", 0)]
    [InlineData("FY9999", 2)]
    [InlineData("last-0-days", 5)]
    [InlineData("last-x-days", 5)]
    [InlineData("last-99999-days", 5)]
    public void Parse_OutOfRangeNumbers_FailAtTheNumber(string text, int position)
    {
        // Act
        var error = ParseError(text, October);

        // Assert
        Assert.Equal(position, error.Position);
    }
}
