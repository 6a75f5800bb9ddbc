using Northstar.Core.Forecasting;
using Northstar.Core.Metrics;
using static Northstar.Core.Tests.Forecasting.ForecastFixtures;

namespace Northstar.Core.Tests.Forecasting;

public sealed class ForecasterInputTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    public void FromDaily_TargetNotAboveZero_SaysSo(double target)
    {
        var input = TenADay(Period.Start.AddDays(5), target);

        var error = Assert.Throws<ArgumentException>(() => Forecaster.FromDaily(input));

        Assert.Contains("must be a number above 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDaily_EmptyPeriod_SaysSo()
    {
        var input = TenADay(Period.Start) with { Period = new DateRange(Period.Start, Period.Start) };

        var error = Assert.Throws<ArgumentException>(() => Forecaster.FromDaily(input));

        Assert.Contains("has no days", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDaily_NothingEverCounted_SaysThereIsNoHistory()
    {
        var input = TenADay(Period.Start) with { Values = Constant(0, Period.Start) };

        var error = Assert.Throws<ArgumentException>(() => Forecaster.FromDaily(input));

        Assert.Contains("No history of 'leads' before 2026-03-02", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDaily_TooFewSimulations_Refused()
    {
        var input = TenADay(Period.Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => Forecaster.FromDaily(input, new ForecastOptions { Simulations = 10 }));
    }
}
