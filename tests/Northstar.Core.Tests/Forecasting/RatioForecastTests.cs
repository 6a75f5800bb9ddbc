using Northstar.Core.Forecasting;
using static Northstar.Core.Tests.Forecasting.ForecastFixtures;

namespace Northstar.Core.Tests.Forecasting;

public sealed class RatioForecastTests
{
    private const double Z90 = 1.2816;

    [Fact]
    public void FromDailyRatio_OnePercentOfAThousandADay_BetaPosteriorAndBinomialInterval()
    {
        // Arrange: 10 leads of 1,000 sessions a day; 5 days known (50 / 5,000), 30 to go. The window
        // (28 days: 280 / 28,000) gives the share a Beta(280.5, 27,720.5) posterior; about 30,000
        // sessions to come. The period ratio is (50 + leads to come) / (5,000 + sessions to come):
        // its sd is the share's posterior sd weighted 30/35 and the binomial noise of 30,000 draws.
        var asOf = Period.Start.AddDays(5);
        var input = new RatioInput("traffic_to_lead_rate", ("leads", Constant(10, asOf)), ("sessions", Constant(1_000, asOf)), Period, asOf, 0.01);
        var share = 280.5 / 28_001;
        var sessions = 30 * 28_000.5 / 28;
        var expected = (50 + (share * sessions)) / (5_000 + sessions);
        var sdShare = Math.Sqrt(share * (1 - share) / 28_002) * sessions / (5_000 + sessions);
        var sdDraws = Math.Sqrt(sessions * share * (1 - share)) / (5_000 + sessions);
        var sd = Math.Sqrt((sdShare * sdShare) + (sdDraws * sdDraws));

        // Act
        var forecast = Forecaster.FromDailyRatio(input);

        // Assert
        Assert.Equal(0.01, forecast.Actual, precision: 12);
        Assert.Equal(expected, forecast.Expected, tolerance: 0.00003);
        Assert.Equal(expected - (Z90 * sd), forecast.Low80, tolerance: 0.00006);
        Assert.Equal(expected + (Z90 * sd), forecast.High80, tolerance: 0.00006);
        Assert.Equal(0.5, forecast.ProbabilityOfTarget, tolerance: 0.05);
        Assert.StartsWith("ratio 1.00% (Beta posterior of 280 leads / 28,000 sessions over the last 28 days)", forecast.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDailyRatio_AsOfPeriodEnd_TheActualRatio()
    {
        var input = new RatioInput("traffic_to_lead_rate", ("leads", Constant(10, Period.End)), ("sessions", Constant(1_000, Period.End)), Period, Period.End, 0.02);

        var forecast = Forecaster.FromDailyRatio(input);

        Assert.Equal(350.0 / 35_000, forecast.Low80, precision: 12);
        Assert.Equal(350.0 / 35_000, forecast.High80, precision: 12);
        Assert.Equal(0, forecast.ProbabilityOfTarget);
    }

    [Fact]
    public void FromDailyRatio_NumeratorAboveDenominator_SaysOnlySharesCanBeForecast()
    {
        var asOf = Period.Start.AddDays(5);
        var input = new RatioInput("odd_rate", ("a", Constant(20, asOf)), ("b", Constant(10, asOf)), Period, asOf, 1);

        var error = Assert.Throws<ArgumentException>(() => Forecaster.FromDailyRatio(input));

        Assert.StartsWith("'odd_rate' is above 1 over the last 28 days", error.Message, StringComparison.Ordinal);
    }
}
