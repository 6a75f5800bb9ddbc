using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;
using Northstar.Core.Planning;

namespace Northstar.Core.Tests.Planning;

public sealed class PlanDiagnosisTests
{
    // The worked example's chain of rates: 1.5% x 20% x 20% x 40% x 50%.
    private const double Chain = 0.015 * 0.20 * 0.20 * 0.40 * 0.50;

    private static FunnelPlan WorkedPlan(FiscalCalendar calendar, PlanSplit? split = null) =>
        FunnelPlan.Create(Period.Year(2026), calendar, WorkedExample.Goal, new DealSize(WorkedExample.DealSize, PlanSource.Typed), WorkedExample.Rates, split).Plan!;

    [Fact]
    public void ForQuarter_WorkedExampleEvenSplit_PlansAQuarterOfTheYearsSessions()
    {
        var plan = WorkedPlan(new FiscalCalendar());

        var diagnosis = PlanDiagnosis.ForQuarter(plan, Period.Quarter(2026, 2).Range, "plan 2026 saved 2026-01-05")!;

        // 10,000,000 / 1,100,000 = 9.0909 customers a year; / 0.00012 = 75,757.58 sessions; a quarter is 1/4:
        // 18,939.39 (= 6,313.13 a month x 3).
        var expected = 10_000_000.0 / 1_100_000.0 / Chain / 4;
        Assert.Equal(18_939.39, expected, precision: 2);
        Assert.Equal(expected, diagnosis.Sessions, precision: 8);
        Assert.Equal(0.015, diagnosis.Rate(FunnelStep.Sessions));
        Assert.Equal(0.20, diagnosis.Rate(FunnelStep.Leads));
        Assert.Equal(0.20, diagnosis.Rate(FunnelStep.Mqls));
        Assert.Equal(0.40, diagnosis.Rate(FunnelStep.Sqls));
        Assert.Equal(0.50, diagnosis.Rate(FunnelStep.Opportunities));
        Assert.Equal(100.0 / 11 / 4, diagnosis.Volume(FunnelStep.Customers), precision: 10); // 2.27 customers
        Assert.Equal("plan 2026 saved 2026-01-05", diagnosis.Source);
        Assert.Empty(diagnosis.Validate());
    }

    [Fact]
    public void ForQuarter_CalendarQuarterAcrossFiscalQuarters_SumsTheMonthsInside()
    {
        // Fiscal year from February: the plan's quarters are Feb-Apr, May-Jul...; 2026-Q2 (Apr-Jun) is none of them.
        var weights = Enumerable.Range(1, 12).Select(m => (double)m).ToList();
        var plan = WorkedPlan(new FiscalCalendar(startMonth: 2), new PlanSplit(PlanSplitMode.Seasonal, "test weights 1..12", weights));

        var diagnosis = PlanDiagnosis.ForQuarter(plan, Period.Quarter(2026, 2).Range, "plan")!;

        // April, May and June weigh 4 + 5 + 6 of 78.
        var expected = 10_000_000.0 / 1_100_000.0 / Chain * (4 + 5 + 6) / 78;
        Assert.DoesNotContain(plan.Quarters, q => q.Range == Period.Quarter(2026, 2).Range);
        Assert.Equal(expected, diagnosis.Sessions, precision: 8);
    }

    [Theory]
    [InlineData("2025-10-01", "2026-01-01")]
    [InlineData("2026-11-01", "2027-02-01")]
    public void ForQuarter_QuarterNotInsideThePlan_IsNull(string start, string end)
    {
        var plan = WorkedPlan(new FiscalCalendar());
        var quarter = new DateRange(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));

        var diagnosis = PlanDiagnosis.ForQuarter(plan, quarter, "plan");

        Assert.Null(diagnosis);
    }
}
