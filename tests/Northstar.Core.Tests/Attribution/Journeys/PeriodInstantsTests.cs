using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Tests.Attribution.Journeys;

public sealed class PeriodInstantsTests
{
    [Theory]
    [InlineData("UTC", 2026, 1, 10, "2026-01-10T00:00:00Z")]
    [InlineData("America/New_York", 2026, 1, 10, "2026-01-10T05:00:00Z")]
    [InlineData("America/New_York", 2026, 7, 1, "2026-07-01T04:00:00Z")]
    [InlineData("Asia/Kolkata", 2026, 1, 10, "2026-01-09T18:30:00Z")]
    // Clocks jumped from 00:00 to 01:00 (-02:00): the day began at 01:00 local.
    [InlineData("America/Sao_Paulo", 2018, 11, 4, "2018-11-04T03:00:00Z")]
    // Clocks fell back from 01:00 (-04:00) to 00:00 (-05:00): the day began at the first midnight.
    [InlineData("America/Havana", 2025, 11, 2, "2025-11-02T04:00:00Z")]
    public void Of_OneDay_StartsAtTheDaysFirstLocalInstant(string zone, int year, int month, int day, string expected)
    {
        var date = new DateOnly(year, month, day);

        var period = PeriodInstants.Of(new DateRange(date, date.AddDays(1)), zone);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).UtcTicks, period.Start);
    }

    [Theory]
    [InlineData("Europe/London")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("America/Sao_Paulo")]
    [InlineData("America/Havana")]
    public void Of_EveryDayOfTwoYears_AgreesWithTheViewsLocalDays(string zone)
    {
        var days = new LocalDays(zone);
        for (var date = new DateOnly(2017, 1, 1); date < new DateOnly(2019, 1, 1); date = date.AddDays(1))
        {
            var period = PeriodInstants.Of(new DateRange(date, date.AddDays(1)), zone);

            Assert.Equal(date, days.DayOf(new DateTimeOffset(period.Start, TimeSpan.Zero)));
            Assert.Equal(date.AddDays(-1), days.DayOf(new DateTimeOffset(period.Start - 1, TimeSpan.Zero)));
            Assert.Equal(date, days.DayOf(new DateTimeOffset(period.End - 1, TimeSpan.Zero)));
        }
    }

    [Fact]
    public void Of_NoPeriod_ContainsEveryInstant()
    {
        var period = PeriodInstants.Of(null, "America/New_York");

        Assert.True(period.Contains(DateTimeOffset.MinValue.UtcTicks));
        Assert.True(period.Contains(DateTimeOffset.MaxValue.UtcTicks));
    }
}
