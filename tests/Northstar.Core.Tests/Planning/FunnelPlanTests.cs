using Northstar.Core.Metrics.Periods;
using Northstar.Core.Planning;

namespace Northstar.Core.Tests.Planning;

public sealed class FunnelPlanTests
{
    private static PlanOutcome Create(FunnelRates rates, decimal goal = WorkedExample.Goal, decimal dealSize = WorkedExample.DealSize, double? forward = null) =>
        FunnelPlan.Create(Period.Year(2026), new FiscalCalendar(), goal, new DealSize(dealSize, PlanSource.Typed), rates, forwardSessionsPerMonth: forward);

    [Fact]
    public void Create_WorkedExampleEven_EveryMonthATwelfthEveryQuarterAQuarter()
    {
        var plan = Create(WorkedExample.Rates).Plan!;

        Assert.Equal(12, plan.Months.Count);
        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], plan.Quarters.Select(q => q.Label));
        Assert.Equal("2026-02", plan.Months[1].Label);
        Assert.All(plan.Months, m => Assert.Equal(WorkedExample.CustomersAYear / 12, m.Counts[FunnelStep.Customers], precision: 12));
        Assert.All(plan.Months, m => Assert.Equal(6313.13, m.Counts[FunnelStep.Sessions], precision: 2));
        Assert.All(plan.Quarters, q => Assert.Equal(WorkedExample.CustomersAYear / 4, q.Counts[FunnelStep.Customers], precision: 12));
    }

    [Fact]
    public void Create_FiscalYearFromOctober_QuartersAreFiscal()
    {
        var calendar = new FiscalCalendar(startMonth: 10);

        var plan = FunnelPlan.Create(calendar.FiscalYear(2026), calendar, WorkedExample.Goal, new DealSize(WorkedExample.DealSize, PlanSource.Typed), WorkedExample.Rates).Plan!;

        Assert.Equal(["FY2026-Q1", "FY2026-Q2", "FY2026-Q3", "FY2026-Q4"], plan.Quarters.Select(q => q.Label));
        Assert.Equal("2025-10", plan.Months[0].Label);
    }

    [Fact]
    public void Create_ForwardSessions_AddsForwardRunAndGap()
    {
        var plan = Create(WorkedExample.Rates, forward: 6000).Plan!;

        Assert.Equal(0.72, plan.Forward!.PerMonth[FunnelStep.Customers], precision: 10);
        Assert.Equal(8.64, plan.Forward.Total[FunnelStep.Customers], precision: 10);
        Assert.True(plan.Gap!.HasGap);
        Assert.Equal(WorkedExample.CustomersAYear / 8.64, plan.Gap.Factor, precision: 12);
    }

    [Theory]
    [InlineData(0.0, "Sessions -> Leads rate typed in is 0%")]
    [InlineData(1.5, "Sessions -> Leads rate typed in is 150%: a conversion rate cannot exceed 100%")]
    public void Create_BadSessionsRate_ProblemNamesTheStep(double rate, string expected)
    {
        var outcome = Create(FunnelRates.Typed(rate, 0.2, 0.2, 0.4, 0.5));

        Assert.False(outcome.IsSuccess);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(FunnelStep.Sessions, problem.Step);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TwoBadRates_ReportsBoth()
    {
        var outcome = Create(FunnelRates.Typed(0.015, 0, 0.2, 1.01, 0.5));

        Assert.Equal([FunnelStep.Leads, FunnelStep.Sqls], outcome.Problems.Select(p => p.Step));
        Assert.Contains("Leads -> MQLs", outcome.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("SQLs -> Opportunities", outcome.Problems[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1_100_000, "revenue goal is 0")]
    [InlineData(10_000_000, 0, "average new-customer revenue typed in is 0")]
    public void Create_ZeroGoalOrDealSize_SaysWhich(int goal, int dealSize, string expected)
    {
        var outcome = Create(WorkedExample.Rates, goal, dealSize);

        Assert.Contains(outcome.Problems, p => p.Message.Contains(expected, StringComparison.Ordinal));
    }
}
