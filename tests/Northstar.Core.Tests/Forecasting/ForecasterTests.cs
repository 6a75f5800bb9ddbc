using Northstar.Core.Forecasting;
using Northstar.Core.Metrics;
using static Northstar.Core.Tests.Forecasting.ForecastFixtures;

namespace Northstar.Core.Tests.Forecasting;

public sealed class ForecasterTests
{
    // 1.2816 is the 90th percentile of the standard normal: a 10th-90th interval is mean +- 1.2816 sd.
    private const double Z90 = 1.2816;

    [Fact]
    public void FromDaily_TenADayFiveDaysIn_ExpectedAndIntervalMatchTheNegativeBinomial()
    {
        // Arrange: 50 known (5 days x 10), 30 days to go. The run-rate window holds 28 x 10 = 280
        // leads over 28 days of factor 1, so the rate's posterior is Gamma(0.5 + 280, 28); constant
        // history means no drift. The rest is then negative binomial: mean 30 x 280.5 / 28,
        // variance mean + mean^2 / 280.5.
        var input = TenADay(Period.Start.AddDays(5));
        var mean = 30 * 280.5 / 28;
        var sd = Math.Sqrt(mean + (mean * mean / 280.5));

        // Act
        var forecast = Forecaster.FromDaily(input);

        // Assert
        Assert.Equal(50, forecast.Actual);
        Assert.Equal(50 + mean, forecast.Expected, tolerance: 0.6);
        Assert.Equal(50 + mean - (Z90 * sd), forecast.Low80, tolerance: 2.0);
        Assert.Equal(50 + mean + (Z90 * sd), forecast.High80, tolerance: 2.0);
        Assert.Equal(280.5 / 28, forecast.DailyRate, precision: 9);
        Assert.Equal(10_000, forecast.Simulations);
    }

    [Fact]
    public void Simulate_FixedRateTenThirtyDaysToGo_IntervalIsPoissonThreeHundred()
    {
        // Arrange: a rate known exactly (Gamma shape 1e10: sd 1e-4) of 10/day, 30 days to go, 50 so far:
        // 50 + Poisson(300), so 350 +- 1.2816 x sqrt(300) = 327.80 .. 372.20.
        var model = new RemainderModel(Known: 50, Shape: 1e10, Rate: 1e9, Exposure: 30, DriftSigma: 0, Sizes: null);

        // Act
        var outcomes = model.Simulate(10_000, seed: 5);

        // Assert
        Assert.Equal(350, outcomes.Average(), tolerance: 0.5);
        Assert.Equal(350 - (Z90 * Math.Sqrt(300)), Forecaster.Percentile(outcomes, 0.10), tolerance: 1.5);
        Assert.Equal(350 + (Z90 * Math.Sqrt(300)), Forecaster.Percentile(outcomes, 0.90), tolerance: 1.5);
    }

    [Fact]
    public void FromDaily_SameInputAndSeed_SameForecast()
    {
        var input = TenADay(Period.Start.AddDays(5));

        var first = Forecaster.FromDaily(input);
        var second = Forecaster.FromDaily(input);

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(1_000, 0.0)]
    [InlineData(200, 1.0)]
    public void FromDaily_TargetFarAboveOrBelow_ProbabilityNearZeroOrOne(double target, double expected)
    {
        // Arrange: the forecast is 350.5 +- 25 (sd); 1,000 is 26 sd above, 200 six below.
        var input = TenADay(Period.Start.AddDays(5), target);

        // Act
        var forecast = Forecaster.FromDaily(input);

        // Assert
        Assert.Equal(expected, forecast.ProbabilityOfTarget, precision: 3);
    }

    [Fact]
    public void FromDaily_DownIsGoodTargetAboveEverything_ProbabilityOne()
    {
        var input = TenADay(Period.Start.AddDays(5), target: 1_000) with { Direction = KpiDirection.DownIsGood };

        var forecast = Forecaster.FromDaily(input);

        Assert.Equal(1.0, forecast.ProbabilityOfTarget);
    }

    [Fact]
    public void FromDaily_TargetAtTheMedian_ProbabilityAboutHalf()
    {
        // Arrange: the negative binomial above is nearly symmetric, so its mean is about its median.
        var input = TenADay(Period.Start.AddDays(5), target: 350.5);

        var forecast = Forecaster.FromDaily(input);

        Assert.Equal(0.5, forecast.ProbabilityOfTarget, tolerance: 0.03);
    }

    [Fact]
    public void FromDaily_AsOfPeriodStart_HistoryOnlyNothingKnown()
    {
        // Arrange: nothing of the period known; 35 days to go at the window's rate 280.5 / 28.
        var input = TenADay(Period.Start);

        // Act
        var forecast = Forecaster.FromDaily(input);

        // Assert
        Assert.Equal(0, forecast.Actual);
        Assert.Equal(35 * 280.5 / 28, forecast.Expected, tolerance: 0.7);
        Assert.True(forecast.Low80 < forecast.Expected && forecast.Expected < forecast.High80);
    }

    [Fact]
    public void FromDaily_AsOfPeriodEnd_IntervalCollapsesToTheActual()
    {
        // Arrange: all 35 days known: 350.
        var input = TenADay(Period.End, target: 300);

        // Act
        var forecast = Forecaster.FromDaily(input);

        // Assert
        Assert.Equal(350, forecast.Actual);
        Assert.Equal(350, forecast.Expected);
        Assert.Equal(350, forecast.Low80);
        Assert.Equal(350, forecast.High80);
        Assert.Equal(1.0, forecast.ProbabilityOfTarget);
        Assert.Equal(0, forecast.Simulations);
    }

    [Fact]
    public void FromDaily_RevenueTwoDealsADayOfAThousand_ExpectedIsDealsTimesSize()
    {
        // Arrange: 2 deals a day of 1,000 each; 5 days known (10,000), 30 to go at the posterior
        // rate (0.5 + 56) / 28 deals a day, each worth exactly 1,000. The outcome's sd is about
        // 11 deals (11,200), so the mean of 10,000 runs is within 3 x 112 of the expectation.
        var asOf = Period.Start.AddDays(5);
        var input = new ForecastInput("revenue_new", "new customers", Constant(2_000, asOf), Period, asOf, 50_000)
        {
            Arrivals = Constant(2, asOf),
        };

        // Act
        var forecast = Forecaster.FromDaily(input);

        // Assert
        Assert.Equal(10_000, forecast.Actual);
        Assert.Equal(10_000 + (30 * 56.5 / 28 * 1_000), forecast.Expected, tolerance: 340);
        Assert.Equal(0, forecast.Low80 % 1_000);
        Assert.Contains("sizes drawn from", forecast.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDaily_OneADay_WindowGrowsUntilFiftyArrivals()
    {
        // Arrange: 28 days hold 28 arrivals (under 50), 56 days hold 56: the rate is (0.5 + 56) / 56.
        var asOf = Period.Start.AddDays(5);
        var input = new ForecastInput("customers", "customers", Constant(1, asOf), Period, asOf, 30);

        // Act
        var forecast = Forecaster.FromDaily(input);

        // Assert
        Assert.Equal(56.5 / 56, forecast.DailyRate, precision: 9);
        Assert.Equal(5 + (30 * 56.5 / 56), forecast.Expected, tolerance: 0.3);
        Assert.StartsWith("run-rate 1.009 customers/day over the last 56 days", forecast.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDaily_MethodLine_NamesRateWindowSeasonalityAndRuns()
    {
        var forecast = Forecaster.FromDaily(TenADay(Period.Start.AddDays(5)));

        Assert.Equal(
            "run-rate 10.018 leads/day over the last 28 days, seasonality x1.00 for the rest of 2026-03-02..2026-04-05, 80% interval from 10,000 simulated periods",
            forecast.Method);
    }
}
