using Northstar.Core.Metrics;

namespace Northstar.Core.Tests.Metrics.Kpis;

public class KpiChangeTests
{
    [Theory]
    [InlineData(KpiDirection.UpIsGood, 3.0, 2.0, ChangeVerdict.Better)]
    [InlineData(KpiDirection.UpIsGood, 1.0, 2.0, ChangeVerdict.Worse)]
    [InlineData(KpiDirection.DownIsGood, 3.0, 2.0, ChangeVerdict.Worse)]
    [InlineData(KpiDirection.DownIsGood, 1.0, 2.0, ChangeVerdict.Better)]
    [InlineData(KpiDirection.Neutral, 3.0, 2.0, ChangeVerdict.Neutral)]
    [InlineData(KpiDirection.DownIsGood, 2.0, 2.0, ChangeVerdict.Same)]
    public void Of_Direction_DecidesTheVerdict(KpiDirection direction, double current, double previous, ChangeVerdict expected)
    {
        Assert.Equal(expected, KpiChange.Of(current, previous, direction).Verdict);
    }

    [Fact]
    public void Of_NegativePrevious_RelativeChangeIsOverItsMagnitude()
    {
        var change = KpiChange.Of(1, -2, KpiDirection.UpIsGood);

        Assert.Equal(1 - (-2), change.Absolute);
        Assert.Equal(3.0 / 2, change.Relative);
        Assert.Equal(ChangeVerdict.Better, change.Verdict);
    }

    [Fact]
    public void Of_NoCurrentValue_UnknownWithThePreviousKept()
    {
        var change = KpiChange.Of(null, 0.4, KpiDirection.UpIsGood);

        Assert.Equal(0.4, change.Previous);
        Assert.Null(change.Absolute);
        Assert.Null(change.Relative);
        Assert.Equal(ChangeVerdict.Unknown, change.Verdict);
    }
}
