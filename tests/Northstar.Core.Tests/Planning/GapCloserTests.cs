using Northstar.Core.Planning;

namespace Northstar.Core.Tests.Planning;

public sealed class GapCloserTests
{
    // 1,000 sessions x 10% x 50% x 50% x 80% x 95% = 19 customers; the target 22.8 needs x1.2.
    private static readonly FunnelRates Rates = FunnelRates.Typed(0.10, 0.50, 0.50, 0.80, 0.95);

    [Fact]
    public void Close_TwentyPercentShort_EveryRateNeedsTwentyPercentMore()
    {
        var gap = GapCloser.Close(22.8, 19, Rates);

        Assert.Equal(1.2, gap.Factor, precision: 12);
        Assert.All(gap.Options, o => Assert.Equal(0.2, o.RelativeChange, precision: 12));
    }

    [Fact]
    public void Close_RateWouldPassOneHundredPercent_CannotCloseAloneAndRanksLast()
    {
        var gap = GapCloser.Close(22.8, 19, Rates);

        var last = gap.Options[^1];
        Assert.Equal(FunnelStep.Opportunities, last.From);
        Assert.False(last.Closes);
        Assert.Equal(0.95 * 1.2, last.Needed, precision: 12); // 114%
        Assert.Equal(19 / 0.95, last.CustomersAtBest, precision: 10); // 20 customers at 100%
        Assert.Contains("cannot close the gap alone", last.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_TiesOnRelativeChange_SmallestPointMoveFirstThenFunnelOrder()
    {
        var gap = GapCloser.Close(22.8, 19, Rates);

        // Needed: 12% (+2 points), 60% (+10), 60% (+10), 96% (+16), 114% (cannot).
        Assert.Equal(
            [FunnelStep.Sessions, FunnelStep.Leads, FunnelStep.Mqls, FunnelStep.Sqls, FunnelStep.Opportunities],
            gap.Options.Select(o => o.From));
        Assert.Equal([0.02, 0.10, 0.10, 0.16], gap.Options.Take(4).Select(o => Math.Round(o.PointsChange, 12)));
        Assert.True(gap.Options.Take(4).All(o => o.Closes));
        Assert.Equal(22.8, gap.Options[0].CustomersAtBest, precision: 10);
    }

    [Fact]
    public void Close_ForwardAlreadyReachesTarget_NoGapNoOptions()
    {
        var gap = GapCloser.Close(10, 19, Rates);

        Assert.False(gap.HasGap);
        Assert.Empty(gap.Options);
    }

    [Fact]
    public void Close_WorkedExample_SixThousandSessionsFallShortByFivePointTwoPercent()
    {
        var gap = GapCloser.Close(WorkedExample.CustomersAYear, 0.72 * 12, WorkedExample.Rates);

        // 9.0909 / 8.64 = 1.05219...: opportunity->customer 50% -> 52.61%, the others move less in points.
        var factor = WorkedExample.CustomersAYear / 8.64;
        Assert.Equal(factor, gap.Factor, precision: 12);
        Assert.Equal(FunnelStep.Sessions, gap.Options[0].From);
        Assert.Equal(0.015 * factor, gap.Options[0].Needed, precision: 12);
        Assert.Equal(0.5 * factor, gap.Options.Single(o => o.From == FunnelStep.Opportunities).Needed, precision: 12);
    }
}
