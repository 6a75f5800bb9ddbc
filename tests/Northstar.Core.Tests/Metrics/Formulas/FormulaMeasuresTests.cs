using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Formulas;

namespace Northstar.Core.Tests.Metrics.Formulas;

public class FormulaMeasuresTests
{
    [Fact]
    public void Measures_DifferentFilters_DistinctCallsInOrder()
    {
        var formula = TestCatalog.Parse(
            "spend[channel = \"email\"] / leads[channel = \"email\"] + spend[channel != \"email\"] / leads + spend / leads[campaign = \"email\"]");

        string[] expected =
        [
            "spend[channel = \"email\"]",
            "leads[channel = \"email\"]",
            "spend[channel != \"email\"]",
            "leads",
            "spend",
            "leads[campaign = \"email\"]",
        ];
        Assert.Equal(expected, formula.Measures.Select(m => m.ToString()));
    }

    [Theory]
    [InlineData("spend[channel = \"email\"] + spend[channel = \"email\"]")]
    [InlineData("spend[kind = \"media\", channel = \"email\"] + spend[channel = \"email\" and kind = \"media\"]")]
    [InlineData("spend[channel in (\"b\", \"a\")] - spend[channel in (\"a\", \"b\", \"a\")]")]
    [InlineData("spend[channel = \"a\"] * 2 + spend[channel in (\"a\")]")]
    public void Measures_SameMeasureSameFilters_OneCall(string text)
    {
        var formula = TestCatalog.Parse(text);

        Assert.Single(formula.Measures);
    }

    [Fact]
    public void MeasureCall_EqualNameAndFilters_EqualAndSameHash()
    {
        var a = new MeasureCall("spend", [new Filter("channel", ["email", "sms"], Negated: true)]);
        var b = new MeasureCall("spend", [new Filter("channel", ["email", "sms"], Negated: true)]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData("leads", "channel", false)]
    [InlineData("spend", "campaign", false)]
    [InlineData("spend", "channel", true)]
    public void MeasureCall_AnyPartDiffers_NotEqual(string name, string dimension, bool negated)
    {
        var reference = new MeasureCall("spend", [new Filter("channel", ["email"])]);
        var other = new MeasureCall(name, [new Filter(dimension, ["email"], negated)]);

        Assert.NotEqual(reference, other);
    }

    [Fact]
    public void MeasureCall_NoFiltersVersusFilter_NotEqual()
    {
        Assert.NotEqual(new MeasureCall("spend", []), new MeasureCall("spend", [new Filter("channel", ["email"])]));
    }
}
