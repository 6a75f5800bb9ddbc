using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;
using static Northstar.Core.Tests.Metrics.Periods.PeriodTestData;

namespace Northstar.Core.Tests.Metrics.Periods;

public sealed class BucketsTests
{
    [Fact]
    public void Split_Days_OneBucketPerDay()
    {
        // Act
        var buckets = Buckets.Split(Range("2025-07-10", "2025-07-13"), Grain.Day, FiscalCalendar.Calendar);

        // Assert
        Assert.Equal(
            [
                new Bucket(Range("2025-07-10", "2025-07-11"), "2025-07-10", false),
                new Bucket(Range("2025-07-11", "2025-07-12"), "2025-07-11", false),
                new Bucket(Range("2025-07-12", "2025-07-13"), "2025-07-12", false),
            ],
            buckets);
    }

    [Fact]
    public void Split_WeeksFromWednesdayToWednesday_ClipsFirstAndLastWeek()
    {
        // Act: 2025-07-09 and 2025-07-23 are Wednesdays
        var buckets = Buckets.Split(Range("2025-07-09", "2025-07-24"), Grain.Week, FiscalCalendar.Calendar);

        // Assert
        Assert.Equal(
            [
                new Bucket(Range("2025-07-09", "2025-07-14"), "2025-W28", true),
                new Bucket(Range("2025-07-14", "2025-07-21"), "2025-W29", false),
                new Bucket(Range("2025-07-21", "2025-07-24"), "2025-W30", true),
            ],
            buckets);
    }

    [Fact]
    public void Split_WeekAcrossNewYear_IsOneWholeIsoWeek()
    {
        // Act
        var buckets = Buckets.Split(Range("2025-12-29", "2026-01-05"), Grain.Week, FiscalCalendar.Calendar);

        // Assert
        Assert.Equal([new Bucket(Range("2025-12-29", "2026-01-05"), "2026-W01", false)], buckets);
    }

    [Fact]
    public void Split_MonthsFromMidJanuary_FirstIsPartial()
    {
        // Act
        var buckets = Buckets.Split(Range("2024-01-15", "2024-04-01"), Grain.Month, FiscalCalendar.Calendar);

        // Assert: February 2024 has 29 days
        Assert.Equal(
            [
                new Bucket(Range("2024-01-15", "2024-02-01"), "2024-01", true),
                new Bucket(Range("2024-02-01", "2024-03-01"), "2024-02", false),
                new Bucket(Range("2024-03-01", "2024-04-01"), "2024-03", false),
            ],
            buckets);
        Assert.Equal(29, buckets[1].Range.Days);
    }

    [Fact]
    public void Split_QuartersCalendarYear_LabelledCalendarQuarters()
    {
        // Act
        var buckets = Buckets.Split(Range("2025-07-01", "2026-01-01"), Grain.Quarter, FiscalCalendar.Calendar);

        // Assert
        Assert.Equal(
            [
                new Bucket(Range("2025-07-01", "2025-10-01"), "2025-Q3", false),
                new Bucket(Range("2025-10-01", "2026-01-01"), "2025-Q4", false),
            ],
            buckets);
    }

    [Fact]
    public void Split_QuartersOctoberStart_FollowFiscalQuarters()
    {
        // Act
        var buckets = Buckets.Split(Range("2025-09-01", "2026-02-01"), Grain.Quarter, October);

        // Assert
        Assert.Equal(
            [
                new Bucket(Range("2025-09-01", "2025-10-01"), "FY2025-Q4", true),
                new Bucket(Range("2025-10-01", "2026-01-01"), "FY2026-Q1", false),
                new Bucket(Range("2026-01-01", "2026-02-01"), "FY2026-Q2", true),
            ],
            buckets);
    }

    [Fact]
    public void Split_YearsCalendarYear_FirstIsPartial()
    {
        // Act
        var buckets = Buckets.Split(Range("2024-06-01", "2026-01-01"), Grain.Year, FiscalCalendar.Calendar);

        // Assert
        Assert.Equal(
            [
                new Bucket(Range("2024-06-01", "2025-01-01"), "2024", true),
                new Bucket(Range("2025-01-01", "2026-01-01"), "2025", false),
            ],
            buckets);
    }

    [Fact]
    public void Split_CalendarYearWithOctoberStart_IsTwoPartialFiscalYears()
    {
        // Act
        var buckets = Buckets.Split(Range("2025-01-01", "2026-01-01"), Grain.Year, October);

        // Assert
        Assert.Equal(
            [
                new Bucket(Range("2025-01-01", "2025-10-01"), "FY2025", true),
                new Bucket(Range("2025-10-01", "2026-01-01"), "FY2026", true),
            ],
            buckets);
    }

    [Fact]
    public void Split_Total_IsOneBucketForTheRange()
    {
        // Act
        var buckets = Buckets.Split(Range("2025-07-01", "2025-10-01"), Grain.Total, October);

        // Assert
        Assert.Equal([new Bucket(Range("2025-07-01", "2025-10-01"), "2025-07-01..2025-09-30", false)], buckets);
    }

    [Theory]
    [InlineData(Grain.Total)]
    [InlineData(Grain.Day)]
    [InlineData(Grain.Month)]
    public void Split_EmptyRange_GivesNoBuckets(Grain grain)
    {
        // Act
        var buckets = Buckets.Split(Range("2025-07-01", "2025-07-01"), grain, FiscalCalendar.Calendar);

        // Assert
        Assert.Empty(buckets);
    }

    [Fact]
    public void Split_DaysOverLeapYear_CoversEveryDayOnce()
    {
        // Act
        var buckets = Buckets.Split(Range("2024-01-01", "2025-01-01"), Grain.Day, FiscalCalendar.Calendar);

        // Assert
        Assert.Equal(366, buckets.Count);
        Assert.Equal("2024-02-29", buckets[59].Label);
    }
}
