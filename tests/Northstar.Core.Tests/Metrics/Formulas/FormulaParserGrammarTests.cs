using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Formulas;

namespace Northstar.Core.Tests.Metrics.Formulas;

public class FormulaParserGrammarTests
{
    private static MeasureNode M(string name, params Filter[] filters) => new(new MeasureCall(name, filters), TestCatalog.Instance.Find(name)!.Unit);

    private static BinaryNode B(BinaryOperator op, FormulaNode left, FormulaNode right) => new(op, left, right);

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("0.5", 0.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("2.5E-2", 0.025)]
    [InlineData("1e+2", 100.0)]
    public void Parse_NumberForms_ReadAsDoubles(string number, double expected)
    {
        var formula = TestCatalog.Parse($"leads * {number}");

        var product = Assert.IsType<BinaryNode>(formula.Root);
        Assert.Equal(new NumberNode(expected), product.Right);
    }

    [Fact]
    public void Parse_MeasureWithoutFilters_OneCallWithNoFilters()
    {
        var formula = TestCatalog.Parse("leads");

        Assert.Equal(M("leads"), formula.Root);
        Assert.Equal(KpiUnit.Count, formula.Unit);
    }

    [Fact]
    public void Parse_FilterForms_EqualsNotEqualsInNotIn()
    {
        var formula = TestCatalog.Parse(
            "spend[channel = \"paid_social\"] + spend[kind != \"service\"] + spend[campaign in (\"b\", \"a\")] + spend[channel not in (\"email\")]");

        string[] expected =
        [
            "spend[channel = \"paid_social\"]",
            "spend[kind != \"service\"]",
            "spend[campaign in (\"a\", \"b\")]",
            "spend[channel != \"email\"]",
        ];
        Assert.Equal(expected, formula.Measures.Select(m => m.ToString()));
        Assert.Equal(["a", "b"], formula.Measures[2].Filters[0].Values);
        Assert.False(formula.Measures[2].Filters[0].Negated);
        Assert.True(formula.Measures[3].Filters[0].Negated);
    }

    [Theory]
    [InlineData("spend[kind = \"media\", channel = \"email\"]")]
    [InlineData("spend[kind = \"media\" and channel = \"email\"]")]
    [InlineData("spend[ channel=\"email\"and kind=\"media\" ]")]
    public void Parse_SeveralFiltersInOneBracket_AllKeptInDimensionOrder(string text)
    {
        var formula = TestCatalog.Parse(text);

        var filters = Assert.Single(formula.Measures).Filters;
        Assert.Equal(["channel", "kind"], filters.Select(f => f.Dimension));
        Assert.Equal(["email"], filters[0].Values);
        Assert.Equal(["media"], filters[1].Values);
    }

    [Fact]
    public void Parse_EscapedQuoteAndBackslash_Unescaped()
    {
        var formula = TestCatalog.Parse("leads[campaign = \"say \\\"hi\\\" \\\\ bye\"]");

        Assert.Equal("say \"hi\" \\ bye", formula.Measures[0].Filters[0].Values[0]);
    }

    [Fact]
    public void Parse_WhitespaceAnywhere_SameFormula()
    {
        var tight = TestCatalog.Parse("spend[kind!=\"service\"]/leads");
        var loose = TestCatalog.Parse("  spend [ kind  !=  \"service\" ]\t/\n leads  ");

        Assert.Equal(tight, loose);
    }

    [Fact]
    public void Parse_ProductBindsTighterThanSum_AddsProduct()
    {
        var formula = TestCatalog.Parse("spend + leads * revenue_new");

        var expected = B(BinaryOperator.Add, M("spend"), B(BinaryOperator.Multiply, M("leads"), M("revenue_new")));
        Assert.Equal(expected, formula.Root);
    }

    [Fact]
    public void Parse_Parentheses_OverridePrecedence()
    {
        var formula = TestCatalog.Parse("(leads + deals_won) * open_rate");

        var expected = B(BinaryOperator.Multiply, B(BinaryOperator.Add, M("leads"), M("deals_won")), M("open_rate"));
        Assert.Equal(expected, formula.Root);
    }

    [Fact]
    public void Parse_Subtraction_GroupsToTheLeft()
    {
        var formula = TestCatalog.Parse("leads - deals_won - emails_sent");

        var expected = B(BinaryOperator.Subtract, B(BinaryOperator.Subtract, M("leads"), M("deals_won")), M("emails_sent"));
        Assert.Equal(expected, formula.Root);
    }

    [Fact]
    public void Parse_Division_GroupsToTheLeft()
    {
        var formula = TestCatalog.Parse("spend / leads / 2");

        var expected = B(BinaryOperator.Divide, B(BinaryOperator.Divide, M("spend"), M("leads")), new NumberNode(2));
        Assert.Equal(expected, formula.Root);
    }

    [Fact]
    public void Parse_UnaryMinus_BindsTighterThanDivision()
    {
        var formula = TestCatalog.Parse("-spend / leads");

        var expected = B(BinaryOperator.Divide, new NegateNode(M("spend")), M("leads"));
        Assert.Equal(expected, formula.Root);
    }

    [Fact]
    public void Parse_UnaryMinusAfterOperator_NegatesOperand()
    {
        var formula = TestCatalog.Parse("leads - -deals_won * --2");

        var expected = B(
            BinaryOperator.Subtract,
            M("leads"),
            B(BinaryOperator.Multiply, new NegateNode(M("deals_won")), new NegateNode(new NegateNode(new NumberNode(2)))));
        Assert.Equal(expected, formula.Root);
    }

    [Fact]
    public void Parse_Success_KeepsSourceText()
    {
        const string text = "meetings_booked /  emails_sent";

        var formula = TestCatalog.Parse(text);

        Assert.Equal(text, formula.Source);
    }
}
