using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Formulas;

namespace Northstar.Core.Tests.Metrics.Formulas;

public class FormulaEvaluateTests
{
    private static double? Evaluate(string text, params (string Measure, double? Value)[] values)
    {
        var byName = values.ToDictionary(v => v.Measure, v => v.Value);
        return TestCatalog.Parse(text).Evaluate(call => byName[call.Name]);
    }

    [Fact]
    public void Evaluate_ChannelRoas_RevenueOverSpend()
    {
        var formula = TestCatalog.Parse("revenue_new[channel = \"paid_social\"] / spend[channel = \"paid_social\"]");
        var values = new Dictionary<MeasureCall, double?>
        {
            [new MeasureCall("revenue_new", [new Filter("channel", ["paid_social"])])] = 12_000,
            [new MeasureCall("spend", [new Filter("channel", ["paid_social"])])] = 4_000,
        };

        var roas = formula.Evaluate(call => values[call]);

        // 12,000 / 4,000
        Assert.Equal(3.0, roas);
    }

    [Theory]
    [InlineData("spend + leads * revenue_new", 200.0)]      // 100 + 4 * 25
    [InlineData("(spend + revenue_new) / leads", 31.25)]     // (100 + 25) / 4
    [InlineData("spend - revenue_new - 5", 70.0)]            // (100 - 25) - 5
    [InlineData("spend - (revenue_new - 5)", 80.0)]          // 100 - 20
    [InlineData("-spend / leads", -25.0)]                   // -100 / 4
    [InlineData("spend / leads / 2", 12.5)]                  // (100 / 4) / 2
    [InlineData("leads * 1e3 + 0.5 * leads", 4002.0)]        // 4000 + 2
    public void Evaluate_Arithmetic_MatchesHandCalculation(string text, double expected)
    {
        var value = Evaluate(text, ("spend", 100), ("leads", 4), ("revenue_new", 25));

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("spend / leads", 100.0, 0.0)]
    [InlineData("spend / leads", 0.0, 0.0)]
    [InlineData("spend / (leads - leads)", 100.0, 3.0)]
    public void Evaluate_DivisionByZero_NoValue(string text, double spend, double leads)
    {
        var value = Evaluate(text, ("spend", spend), ("leads", leads));

        Assert.Null(value);
    }

    [Fact]
    public void Evaluate_MeasureWithoutValue_NoValue()
    {
        var value = Evaluate("spend + revenue_new", ("spend", 100), ("revenue_new", null));

        Assert.Null(value);
    }

    [Fact]
    public void Evaluate_ZeroNumerator_Zero()
    {
        var value = Evaluate("spend / leads", ("spend", 0), ("leads", 8));

        Assert.Equal(0.0, value);
    }

    [Theory]
    [InlineData("spend * leads")]
    [InlineData("spend + revenue_new")]
    [InlineData("spend / open_rate")]
    public void Evaluate_Overflow_NoValue(string text)
    {
        var value = Evaluate(text, ("spend", double.MaxValue), ("leads", double.MaxValue), ("revenue_new", double.MaxValue), ("open_rate", 1e-300));

        Assert.Null(value);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Evaluate_MeasureValueNotFinite_NoValue(double bad)
    {
        var value = Evaluate("spend - spend", ("spend", bad));

        Assert.Null(value);
    }

    [Fact]
    public void Evaluate_SameCallTwice_AskedOncePerOccurrenceWithEqualCalls()
    {
        var formula = TestCatalog.Parse("spend[channel = \"email\"] / leads + spend[channel=\"email\"] / leads");
        var asked = new List<MeasureCall>();

        var value = formula.Evaluate(call =>
        {
            asked.Add(call);
            return call.Name == "spend" ? 30 : 10;
        });

        // 30 / 10 + 30 / 10
        Assert.Equal(6.0, value);
        Assert.Equal(2, asked.Distinct().Count());
    }

    [Fact]
    public void Evaluate_LongestChain_NoStackOverflow()
    {
        // 1,999 additions (3,999 tokens): the deepest tree a formula within the token limit can make.
        var text = string.Concat(Enumerable.Repeat("1+", 1_999)) + "leads";
        var formula = TestCatalog.Parse(text);

        var value = formula.Evaluate(_ => 1);
        var reparsed = TestCatalog.Parse(formula.ToString());

        Assert.Equal(2_000.0, value);
        Assert.Equal(formula, reparsed);
        Assert.Equal(formula.GetHashCode(), reparsed.GetHashCode());
        Assert.Equal(KpiUnit.Count, formula.Unit);
        Assert.NotNull(formula.CheckDeclaredUnit(KpiUnit.Money));
    }
}
