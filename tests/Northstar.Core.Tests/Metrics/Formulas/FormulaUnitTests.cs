using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Formulas;

namespace Northstar.Core.Tests.Metrics.Formulas;

public class FormulaUnitTests
{
    [Theory]
    [InlineData("leads + deals_won", KpiUnit.Count)]
    [InlineData("spend + revenue_new", KpiUnit.Money)]
    [InlineData("revenue_new / spend", KpiUnit.Ratio)]
    [InlineData("meetings_booked / emails_sent", KpiUnit.Ratio)]
    [InlineData("spend[kind != \"service\"] / leads", KpiUnit.Money)]
    [InlineData("leads / spend", KpiUnit.Ratio)]
    [InlineData("spend * 2", KpiUnit.Money)]
    [InlineData("2 * spend", KpiUnit.Money)]
    [InlineData("spend / 2", KpiUnit.Money)]
    [InlineData("-spend", KpiUnit.Money)]
    [InlineData("leads * revenue_new", KpiUnit.Money)]
    [InlineData("leads * open_rate", KpiUnit.Count)]
    [InlineData("leads / open_rate", KpiUnit.Count)]
    [InlineData("1 - open_rate", KpiUnit.Ratio)]
    [InlineData("1 / open_rate", KpiUnit.Ratio)]
    [InlineData("spend / sales_cycle_days", KpiUnit.Money)]
    [InlineData("leads / sales_cycle_days", KpiUnit.Count)]
    [InlineData("sales_cycle_days + sales_cycle_days", KpiUnit.Days)]
    [InlineData("sales_cycle_days / deals_won", KpiUnit.Days)]
    [InlineData("sales_cycle_days / sales_cycle_days", KpiUnit.Ratio)]
    [InlineData("survey_score - survey_score", KpiUnit.Score)]
    [InlineData("survey_score / deals_won", KpiUnit.Score)]
    [InlineData("survey_score / survey_score", KpiUnit.Ratio)]
    [InlineData("(revenue_new - spend) / spend", KpiUnit.Ratio)]
    public void Parse_UnitsThatMix_InfersUnit(string text, KpiUnit expected)
    {
        var formula = TestCatalog.Parse(text);

        Assert.Equal(expected, formula.Unit);
    }

    [Theory]
    [InlineData("leads + spend", 6, "cannot add money to count")]
    [InlineData("spend - leads", 6, "cannot subtract count from money")]
    [InlineData("leads * deals_won", 6, "cannot multiply count by count")]
    [InlineData("spend * revenue_new", 6, "cannot multiply money by money")]
    [InlineData("sales_cycle_days / spend", 17, "cannot divide days by money")]
    [InlineData("open_rate / leads", 10, "cannot divide ratio by count")]
    [InlineData("survey_score + sales_cycle_days", 13, "cannot add days to score")]
    [InlineData("spend / leads + leads", 14, "cannot add count to money")]
    public void Parse_UnitsThatDoNotMix_ErrorAtOperator(string text, int position, string reason)
    {
        var error = TestCatalog.SingleError(text);

        Assert.Equal(new FormulaError(position, 1, reason), error);
    }

    [Fact]
    public void CheckDeclaredUnit_SameUnit_NoError()
    {
        var formula = TestCatalog.Parse("spend[kind != \"service\"] / leads");

        Assert.Null(formula.CheckDeclaredUnit(KpiUnit.Money));
    }

    [Theory]
    [InlineData("revenue_new / spend", KpiUnit.Count, "the formula gives a ratio (money / money) but the KPI is declared as count")]
    [InlineData("spend / leads", KpiUnit.Ratio, "the formula gives money (money / count) but the KPI is declared as ratio")]
    [InlineData("spend", KpiUnit.Count, "the formula gives money but the KPI is declared as count")]
    [InlineData("leads * 2", KpiUnit.Days, "the formula gives a count but the KPI is declared as days")]
    [InlineData("sales_cycle_days / deals_won", KpiUnit.Score, "the formula gives days (days / count) but the KPI is declared as score")]
    public void CheckDeclaredUnit_Contradicts_ErrorOverWholeFormula(string text, KpiUnit declared, string reason)
    {
        var formula = TestCatalog.Parse(text);

        var error = formula.CheckDeclaredUnit(declared);

        Assert.Equal(new FormulaError(0, text.Length, reason), error);
    }
}
