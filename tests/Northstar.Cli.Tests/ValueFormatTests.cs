using Northstar.Cli.Output;
using Northstar.Core.Metrics;

namespace Northstar.Cli.Tests;

public class ValueFormatTests
{
    [Theory]
    [InlineData(1234.5, KpiUnit.Money, "1,234.50")]
    [InlineData(12345.678, KpiUnit.Money, "12,346")]
    [InlineData(0.1234, KpiUnit.Ratio, "12.3%")]
    [InlineData(4.46, KpiUnit.Days, "4.5")]
    [InlineData(1234, KpiUnit.Count, "1,234")]
    [InlineData(-42, KpiUnit.Score, "-42.0")]
    public void Value_ByUnit_ReadsAsExpected(double value, KpiUnit unit, string expected)
    {
        Assert.Equal(expected, ValueFormat.Value(value, unit));
    }

    [Fact]
    public void Value_NoValue_IsADash()
    {
        Assert.Equal("-", ValueFormat.Value(null, KpiUnit.Money));
        Assert.Equal("-", ValueFormat.Value(double.NaN, KpiUnit.Count));
    }

    [Fact]
    public void Value_WholeMoneyRow_DropsCentsOfSmallAmounts()
    {
        var whole = ValueFormat.WholeMoney([12.6, 20_000, null]);

        Assert.True(whole);
        Assert.Equal("13", ValueFormat.Value(12.6, KpiUnit.Money, whole));
    }

    [Fact]
    public void Absolute_Ratio_IsInPercentagePoints()
    {
        Assert.Equal("+2.5 pp", ValueFormat.Absolute(0.025, KpiUnit.Ratio));
        Assert.Equal("-150", ValueFormat.Absolute(-150, KpiUnit.Count));
    }

    [Fact]
    public void Verdict_ByDirection_SaysGoodOrBad()
    {
        Assert.Equal("▲ good", ValueFormat.Verdict(KpiChange.Of(12, 10, KpiDirection.UpIsGood)));
        Assert.Equal("▲ bad", ValueFormat.Verdict(KpiChange.Of(12, 10, KpiDirection.DownIsGood)));
        Assert.Equal("▼", ValueFormat.Verdict(KpiChange.Of(8, 10, KpiDirection.Neutral)));
        Assert.Equal("-", ValueFormat.Verdict(KpiChange.Of(8, null, KpiDirection.UpIsGood)));
        Assert.Equal("+20.0%", ValueFormat.Relative(KpiChange.Of(12, 10, KpiDirection.UpIsGood).Relative)); // (12 - 10) / 10
    }
}
