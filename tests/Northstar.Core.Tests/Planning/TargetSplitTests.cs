using Northstar.Core.Metrics;
using Northstar.Core.Planning;

namespace Northstar.Core.Tests.Planning;

public sealed class TargetSplitTests
{
    private static readonly DateRange Year2025 = new(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1));

    [Fact]
    public void Even_Year_GivesEachMonthATwelfth()
    {
        var split = TargetSplit.Even(Year2025);

        Assert.Equal(12, split.Parts.Count);
        Assert.All(split.Parts, p => Assert.Equal(1.0 / 12, p.Share, 12));
        Assert.Equal(new DateRange(new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 1)), split.Parts[1].Range);
    }

    [Fact]
    public void Even_PartialMonths_WeighByTheirShareOfTheMonth()
    {
        // 2025-01-17..2025-02-28: 15 of January's 31 days (15/31) and all of February (1).
        var split = TargetSplit.Even(new DateRange(new DateOnly(2025, 1, 17), new DateOnly(2025, 3, 1)));

        var january = 15.0 / 31;
        Assert.Equal(january / (january + 1), split.Parts[0].Share, 12);
        Assert.Equal(1 / (january + 1), split.Parts[1].Share, 12);
    }

    [Fact]
    public void Weighted_Quarter_FollowsTheMonthWeights()
    {
        var q3 = new DateRange(new DateOnly(2025, 7, 1), new DateOnly(2025, 10, 1));

        var split = TargetSplit.Weighted(q3, month => month switch { 7 => 1, 8 => 2, _ => 5 });

        Assert.Equal([0.125, 0.25, 0.625], split.Parts.Select(p => p.Share));
    }

    [Fact]
    public void ShareBefore_MidMonth_ProRatesTheMonthByDay()
    {
        var split = TargetSplit.Weighted(Year2025, month => month == 1 ? 2 : 1);

        // January weighs 2/13; on 2025-01-11 ten of its 31 days are gone; February (1/13) follows whole.
        Assert.Equal(2.0 / 13 * 10 / 31, split.ShareBefore(new DateOnly(2025, 1, 11)), 12);
        Assert.Equal(3.0 / 13, split.ShareBefore(new DateOnly(2025, 3, 1)), 12);
        Assert.Equal(0, split.ShareBefore(new DateOnly(2024, 12, 1)));
        Assert.Equal(1, split.ShareBefore(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Weighted_AllZero_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => TargetSplit.Weighted(Year2025, _ => 0));

        Assert.Contains("all zero", error.Message, StringComparison.Ordinal);
    }
}
