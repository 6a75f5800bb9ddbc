using Northstar.Core.Diagnostics;
using Northstar.Core.Metrics;
using Northstar.Core.Planning;

namespace Northstar.Core.Tests.Diagnostics;

public class FunnelHistoryTests
{
    private static readonly DateRange Q3 = new(new DateOnly(2025, 7, 1), new DateOnly(2025, 10, 1));

    [Fact]
    public void Ranges_PreviousFourQuarters_AreTheFourQuartersBefore()
    {
        var ranges = FunnelHistory.Ranges(Q3, HistoryBasis.PreviousFourPeriods);

        Assert.Equal(
            [
                new DateRange(new DateOnly(2024, 7, 1), new DateOnly(2024, 10, 1)),
                new DateRange(new DateOnly(2024, 10, 1), new DateOnly(2025, 1, 1)),
                new DateRange(new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 1)),
                new DateRange(new DateOnly(2025, 4, 1), new DateOnly(2025, 7, 1)),
            ],
            ranges);
    }

    [Fact]
    public void Ranges_SameQuarterLastYear_IsOneQuarter()
    {
        var ranges = FunnelHistory.Ranges(Q3, HistoryBasis.SamePeriodLastYear);

        Assert.Equal([new DateRange(new DateOnly(2024, 7, 1), new DateOnly(2024, 10, 1))], ranges);
    }

    [Fact]
    public void FromCounts_FourQuarters_PoolsRatesAndAveragesSessions()
    {
        // Two quarters' counts summed: 30,000 sessions, 600 leads, 150 MQLs, 45 SQLs, 18 opportunities, 6 customers.
        var pooled = FunnelCounts.Sum([FunnelDiagnosticsTests.Counts(10_000, 200, 50, 15, 6, 2), FunnelDiagnosticsTests.Counts(20_000, 400, 100, 30, 12, 4)]);

        var plan = FunnelHistory.FromCounts(pooled, 2, "history", out var problem)!;

        Assert.Null(problem);
        Assert.Equal(15_000, plan.Sessions, precision: 9);
        Assert.Equal(600.0 / 30_000, plan.Rate(FunnelStep.Sessions), precision: 12);
        Assert.Equal(150.0 / 600, plan.Rate(FunnelStep.Leads), precision: 12);
        Assert.Equal(45.0 / 150, plan.Rate(FunnelStep.Mqls), precision: 12);
        Assert.Equal(18.0 / 45, plan.Rate(FunnelStep.Sqls), precision: 12);
        Assert.Equal(6.0 / 18, plan.Rate(FunnelStep.Opportunities), precision: 12);
    }

    [Fact]
    public void FromCounts_NoOpportunitiesInHistory_SaysSo()
    {
        var plan = FunnelHistory.FromCounts(FunnelDiagnosticsTests.Counts(10_000, 200, 50, 15, 0, 0), 1, "history of 2025-Q2", out var problem);

        Assert.Null(plan);
        Assert.Equal("The history of 2025-Q2 has no Opportunities: no plan can come from it.", problem);
    }
}
