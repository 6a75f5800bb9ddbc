using Northstar.Core.Forecasting;
using static Northstar.Core.Tests.Forecasting.ForecastFixtures;

namespace Northstar.Core.Tests.Forecasting;

public sealed class SeasonalityTests
{
    // A Monday: 52 whole weeks from it.
    private static readonly DateOnly Monday = new(2024, 1, 1);

    [Fact]
    public void Estimate_WeekendsAtHalf_WeekdayFactorsAsCountedByHand()
    {
        // Arrange: 100 on workdays, 50 on weekends. Every centred 7-day mean is (5 x 100 + 2 x 50) / 7
        // = 85.714, so a workday is 100 / 85.714 = 1.1667 and a weekend day 50 / 85.714 = 0.5833 of it;
        // 52 weeks of counts leave almost no shrinkage (weight 5,200 / (5,200 + 30) for a workday).
        var history = Series(Monday, 364, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 50 : 100);

        // Act
        var seasonality = Seasonality.Estimate(history);

        // Assert
        Assert.Equal(7.0 / 6, seasonality.Weekdays[0], tolerance: 0.006);
        Assert.Equal(7.0 / 6, seasonality.Weekdays[4], tolerance: 0.006);
        Assert.Equal(3.5 / 6, seasonality.Weekdays[5], tolerance: 0.006);
        Assert.Equal(3.5 / 6, seasonality.Weekdays[6], tolerance: 0.006);
        Assert.Equal(1.0, seasonality.Weekdays.Average(), precision: 9);
    }

    [Fact]
    public void Estimate_TwoYearsWithSummerDip_MonthFactorsShrunkByYearsSeen()
    {
        // Arrange: 100 a day, 70 in July and August, two years (2023-2024). The raw factors are
        // 100 / mean and 70 / mean with mean (10 x 100 + 2 x 70) / 12 = 95; two years of a month
        // keep 2 / (2 + 0.1) of the deviation, its counts (~4,300 over two Julys) 4,340 / 4,370.
        var history = Series(new DateOnly(2023, 1, 1), 731, d => d.Month is 7 or 8 ? 70 : 100);
        var weightJuly = 2 / 2.1 * (4_340.0 / 4_370);
        var weightJune = 2 / 2.1 * (6_000.0 / 6_030);
        var july = 1 + ((70 / 95.0) - 1) * weightJuly;
        var june = 1 + ((100 / 95.0) - 1) * weightJune;
        var mean = ((10 * june) + (2 * july)) / 12;

        // Act
        var seasonality = Seasonality.Estimate(history);

        // Assert
        Assert.Equal(july / mean, seasonality.Months[6], tolerance: 0.005);
        Assert.Equal(june / mean, seasonality.Months[5], tolerance: 0.005);
        Assert.True(seasonality.Months[7] < 0.76);
    }

    [Fact]
    public void Estimate_DipMonthsLeftOut_NoDipLearnt()
    {
        // Arrange: the summer dip above, with both Julys left out (as the drift's back-test leaves
        // out the days it checks): July is unseen, so its factor is the neutral one, August keeps its dip.
        var history = Series(new DateOnly(2023, 1, 1), 731, d => d.Month is 7 or 8 ? 70 : 100)
            .Without(new DateOnly(2023, 7, 1), new DateOnly(2023, 8, 1))
            .Without(new DateOnly(2024, 7, 1), new DateOnly(2024, 8, 1));

        // Act
        var seasonality = Seasonality.Estimate(history);

        // Assert
        Assert.InRange(seasonality.Months[6], 0.98, 1.0);
        Assert.InRange(seasonality.Months[7], 0.70, 0.76);
    }

    [Fact]
    public void Estimate_GrowthWithoutSeasonality_MonthsStayAtOne()
    {
        // Arrange: 3% more each month (and nothing else) for two years: a trend, not a season.
        var start = new DateOnly(2023, 1, 1);
        var history = Series(start, 731, d => 100 * Math.Pow(1.03, ((d.Year - 2023) * 12) + d.Month - 1));

        // Act
        var seasonality = Seasonality.Estimate(history);

        // Assert
        Assert.All(seasonality.Months, f => Assert.Equal(1.0, f, tolerance: 0.01));
    }

    [Fact]
    public void Estimate_FewCounts_ShrunkTowardsOne()
    {
        // Arrange: the weekday pattern above at a hundredth (1 and 0.5 a day). A workday's 52 counts
        // keep (52/30) / (52/30 + 1) of its deviation, a weekend day's 26 counts (26/30) / (26/30 + 1);
        // then the seven factors are scaled to average 1.
        var history = Series(Monday, 364, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.5 : 1);
        var workday = 1 + ((7.0 / 6 - 1) * (52 / 30.0 / ((52 / 30.0) + 1)));
        var weekend = 1 + ((3.5 / 6 - 1) * (26 / 30.0 / ((26 / 30.0) + 1)));
        var mean = ((5 * workday) + (2 * weekend)) / 7;

        // Act
        var seasonality = Seasonality.Estimate(history);

        // Assert: about 1.084 and 0.791 instead of 1.167 and 0.583.
        Assert.Equal(workday / mean, seasonality.Weekdays[0], tolerance: 0.005);
        Assert.Equal(weekend / mean, seasonality.Weekdays[6], tolerance: 0.005);
    }

    [Fact]
    public void Estimate_LessThanFourWholeMonths_NoMonthSeasonality()
    {
        var history = Series(new DateOnly(2024, 1, 1), 100, d => d.Month == 2 ? 10 : 100);

        var seasonality = Seasonality.Estimate(history);

        Assert.All(seasonality.Months, f => Assert.Equal(1.0, f));
    }
}
