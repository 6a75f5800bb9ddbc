using Northstar.Core.Metrics;
using Northstar.Core.Planning;

namespace Northstar.Core.Tests.Planning;

public sealed class SeasonalityTests
{
    private static DateRange Month(int year, int month) => new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1));

    [Fact]
    public void WeightsFrom_TwoMonthsCovered_OthersGetTheMeanOfTheCovered()
    {
        // January means (200 + 100) / 2 = 150, February 100; the ten others get (150 + 100) / 2 = 125.
        // Mean over the year (150 + 100 + 10 x 125) / 12 = 125: January 1.2, February 0.8, the rest 1.
        var weights = Seasonality.WeightsFrom([(Month(2024, 1), 100), (Month(2025, 1), 200), (Month(2025, 2), 100)])!;

        Assert.Equal(1.2, weights[0], precision: 12);
        Assert.Equal(0.8, weights[1], precision: 12);
        Assert.All(weights.Skip(2), w => Assert.Equal(1.0, w, precision: 12));
    }

    [Fact]
    public void WeightsFrom_PartialMonth_ScaledToTheWholeMonth()
    {
        // March 1-15 (15 of 31 days) with 30 sessions counts as 30 x 31 / 15 = 62; April has 62 too.
        var weights = Seasonality.WeightsFrom([(new DateRange(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 16)), 30), (Month(2025, 4), 62)])!;

        Assert.All(weights, w => Assert.Equal(1.0, w, precision: 12));
    }

    [Fact]
    public void WeightsFrom_AllZero_IsNull()
    {
        Assert.Null(Seasonality.WeightsFrom([(Month(2025, 1), 0), (Month(2025, 2), 0)]));
    }

    [Fact]
    public void SeasonalSplit_Year_ShareIsWeightOverTwelve()
    {
        var weights = Seasonality.WeightsFrom([(Month(2024, 1), 100), (Month(2025, 1), 200), (Month(2025, 2), 100)])!;
        var split = new PlanSplit(PlanSplitMode.Seasonal, "test", weights);

        var plan = FunnelPlan.Create(
            Core.Metrics.Periods.Period.Year(2026), new Core.Metrics.Periods.FiscalCalendar(), 12_000m, new DealSize(1_000m, PlanSource.Typed),
            FunnelRates.Typed(0.5, 0.5, 0.5, 0.5, 0.5), split).Plan!;

        // 12 customers: January 1.2 / 12 of them = 1.2, February 0.8, March 1; Q1 = 3.0 of 12.
        Assert.Equal(1.2, plan.Months[0].Counts[FunnelStep.Customers], precision: 12);
        Assert.Equal(0.8, plan.Months[1].Counts[FunnelStep.Customers], precision: 12);
        Assert.Equal(1.0, plan.Months[2].Counts[FunnelStep.Customers], precision: 12);
        Assert.Equal(3.0, plan.Quarters[0].Counts[FunnelStep.Customers], precision: 12);
        Assert.Equal(3.0 * 32, plan.Quarters[0].Counts[FunnelStep.Sessions], precision: 10);
    }
}
