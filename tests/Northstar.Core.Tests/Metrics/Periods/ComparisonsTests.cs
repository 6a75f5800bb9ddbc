using Northstar.Core.Metrics.Periods;
using static Northstar.Core.Tests.Metrics.Periods.PeriodTestData;

namespace Northstar.Core.Tests.Metrics.Periods;

public sealed class ComparisonsTests
{
    private static Period? Compare(string text, Comparison comparison, FiscalCalendar? calendar = null) =>
        Comparisons.RangeFor(ParseOk(text, calendar), comparison, calendar ?? FiscalCalendar.Calendar);

    [Theory]
    [InlineData("2026-03", "2026-02-01", "2026-03-01", "2026-02")] // 31 days compared with 28
    [InlineData("2026-01", "2025-12-01", "2026-01-01", "2025-12")]
    [InlineData("2025-Q1", "2024-10-01", "2025-01-01", "2024-Q4")]
    [InlineData("2025-H1", "2024-07-01", "2025-01-01", "2024-H2")]
    [InlineData("2025", "2024-01-01", "2025-01-01", "2024")]
    [InlineData("2026-W01", "2025-12-22", "2025-12-29", "2025-W52")]
    [InlineData("2021-W01", "2020-12-28", "2021-01-04", "2020-W53")]
    [InlineData("2024-03-01", "2024-02-29", "2024-03-01", "2024-02-29")]
    [InlineData("2025-07-01..2025-09-30", "2025-03-31", "2025-07-01", "2025-03-31..2025-06-30")] // 92 days before
    [InlineData("ytd", "2025-08-20", "2026-01-01", "2025-08-20..2025-12-31")] // 134 days before 2026-01-01
    [InlineData("last-30-days", "2026-03-15", "2026-04-14", "2026-03-15..2026-04-13")]
    public void RangeFor_PreviousPeriod_IsTheUnitOrSameLengthJustBefore(string text, string start, string endExclusive, string label)
    {
        // Act
        var previous = Compare(text, Comparison.PreviousPeriod);

        // Assert
        Assert.NotNull(previous);
        Assert.Equal(Range(start, endExclusive), previous.Range);
        Assert.Equal(label, previous.Label);
    }

    [Theory]
    [InlineData("2026-03", "2025-03-01", "2025-04-01", "2025-03")]
    [InlineData("2025-Q3", "2024-07-01", "2024-10-01", "2024-Q3")]
    [InlineData("2025-H2", "2024-07-01", "2025-01-01", "2024-H2")]
    [InlineData("2025", "2024-01-01", "2025-01-01", "2024")]
    [InlineData("2026-W20", "2025-05-12", "2025-05-19", "2025-W20")]
    [InlineData("2026-W01", "2024-12-30", "2025-01-06", "2025-W01")] // both W01s start in December
    [InlineData("2026-W53", "2025-12-22", "2025-12-29", "2025-W52")] // 2025 has no W53
    [InlineData("2024-02-29", "2023-02-28", "2023-03-01", "2023-02-28")]
    [InlineData("2025-07-14", "2024-07-14", "2024-07-15", "2024-07-14")]
    [InlineData("ytd", "2025-01-01", "2025-05-15", "2025-01-01..2025-05-14")] // equally partial
    [InlineData("2024-02-01..2024-02-29", "2023-02-01", "2023-03-01", "2023-02-01..2023-02-28")]
    [InlineData("2024-02-29..2024-03-01", "2023-02-28", "2023-03-02", "2023-02-28..2023-03-01")]
    public void RangeFor_SamePeriodLastYear_IsTheSameUnitOrDatesOneYearEarlier(string text, string start, string endExclusive, string label)
    {
        // Act
        var lastYear = Compare(text, Comparison.SamePeriodLastYear);

        // Assert
        Assert.NotNull(lastYear);
        Assert.Equal(Range(start, endExclusive), lastYear.Range);
        Assert.Equal(label, lastYear.Label);
    }

    [Theory]
    [InlineData("FY2026-Q1", Comparison.PreviousPeriod, "2025-07-01", "2025-10-01", "FY2025-Q4")]
    [InlineData("FY2026-Q1", Comparison.SamePeriodLastYear, "2024-10-01", "2025-01-01", "FY2025-Q1")]
    [InlineData("FY2026-H1", Comparison.PreviousPeriod, "2025-04-01", "2025-10-01", "FY2025-H2")]
    [InlineData("FY2026", Comparison.PreviousPeriod, "2024-10-01", "2025-10-01", "FY2025")]
    [InlineData("FY2026", Comparison.SamePeriodLastYear, "2024-10-01", "2025-10-01", "FY2025")]
    [InlineData("ytd", Comparison.SamePeriodLastYear, "2024-10-01", "2025-05-15", "2024-10-01..2025-05-14")]
    public void RangeFor_FiscalPeriodsOctoberStart_StayFiscal(string text, Comparison comparison, string start, string endExclusive, string label)
    {
        // Act
        var compared = Compare(text, comparison, October);

        // Assert
        Assert.NotNull(compared);
        Assert.Equal(Range(start, endExclusive), compared.Range);
        Assert.Equal(label, compared.Label);
    }

    [Fact]
    public void RangeFor_None_IsNull()
    {
        Assert.Null(Compare("2025-Q3", Comparison.None));
    }

    [Fact]
    public void RangeFor_PreviousPeriodOfCustom_KeepsKindAndLength()
    {
        // Act
        var previous = Compare("last-7-days", Comparison.PreviousPeriod);

        // Assert: last-7-days on 2026-05-14 is 2026-05-07..2026-05-13
        Assert.NotNull(previous);
        Assert.Equal(PeriodKind.Custom, previous.Kind);
        Assert.Equal(Range("2026-04-30", "2026-05-07"), previous.Range);
    }
}
