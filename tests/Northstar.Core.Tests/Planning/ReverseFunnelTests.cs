using Northstar.Core.Planning;

namespace Northstar.Core.Tests.Planning;

public sealed class ReverseFunnelTests
{
    [Fact]
    public void Plan_WorkedExample_NeedsNinePointZeroNineCustomersAYear()
    {
        var plan = ReverseFunnel.Plan(WorkedExample.Goal, WorkedExample.DealSize, WorkedExample.Rates);

        Assert.Equal(9.0909, plan[FunnelStep.Customers], precision: 4);
        Assert.Equal(WorkedExample.CustomersAYear, plan[FunnelStep.Customers], precision: 12);
    }

    [Fact]
    public void Plan_WorkedExamplePerMonth_MatchesTheIssuesNumbers()
    {
        var month = ReverseFunnel.Plan(WorkedExample.Goal, WorkedExample.DealSize, WorkedExample.Rates).Scale(1.0 / 12);

        // Each earlier step = next step / its rate, from 9.0909.../12 = 0.75757... customers a month.
        var customers = WorkedExample.CustomersAYear / 12;
        Assert.Equal(0.7576, month[FunnelStep.Customers], precision: 4);
        Assert.Equal(customers / 0.5, month[FunnelStep.Opportunities], precision: 10);
        Assert.Equal(1.515, month[FunnelStep.Opportunities], precision: 3);
        Assert.Equal(3.788, month[FunnelStep.Sqls], precision: 3);
        Assert.Equal(18.94, month[FunnelStep.Mqls], precision: 2);
        Assert.Equal(94.70, month[FunnelStep.Leads], precision: 2);
        Assert.Equal(6313, Math.Round(month[FunnelStep.Sessions]));
        Assert.Equal(customers / 0.5 / 0.4 / 0.2 / 0.2 / 0.015, month[FunnelStep.Sessions], precision: 8);
    }

    [Fact]
    public void Forward_SixThousandSessions_GivesTheIssuesNumbers()
    {
        var month = ReverseFunnel.Forward(6000, WorkedExample.Rates);

        Assert.Equal(6000, month[FunnelStep.Sessions]);
        Assert.Equal(90, month[FunnelStep.Leads], precision: 10);
        Assert.Equal(18, month[FunnelStep.Mqls], precision: 10);
        Assert.Equal(3.6, month[FunnelStep.Sqls], precision: 10);
        Assert.Equal(1.44, month[FunnelStep.Opportunities], precision: 10);
        Assert.Equal(0.72, month[FunnelStep.Customers], precision: 10);
    }

    [Fact]
    public void Forward_FromThePlansSessions_ComesBackToTheCustomers()
    {
        var plan = ReverseFunnel.Plan(WorkedExample.Goal, WorkedExample.DealSize, WorkedExample.Rates);

        var back = ReverseFunnel.Forward(plan[FunnelStep.Sessions], WorkedExample.Rates);

        Assert.Equal(WorkedExample.CustomersAYear, back[FunnelStep.Customers], precision: 10);
    }

    [Fact]
    public void ForwardRun_SixThousandSessionsForAYear_GivesRevenueOfTwelveMonths()
    {
        var run = ForwardRun.Create(6000, WorkedExample.Rates, WorkedExample.DealSize, months: 12);

        Assert.Equal(0.72 * 12, run.Total[FunnelStep.Customers], precision: 10);
        Assert.Equal(792_000m, decimal.Round(run.RevenuePerMonth, 2)); // 0.72 x 1,100,000
        Assert.Equal(9_504_000m, decimal.Round(run.Revenue, 2)); // 8.64 x 1,100,000
    }
}
