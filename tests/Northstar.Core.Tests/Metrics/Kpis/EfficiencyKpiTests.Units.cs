using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Formulas;

namespace Northstar.Core.Tests.Metrics.Kpis;

/// <summary>The months unit CAC payback is declared in, as formulas combine it.</summary>
public partial class EfficiencyKpiTests
{
    [Theory]
    [InlineData("payback / customers", KpiUnit.Months)]
    [InlineData("payback + payback", KpiUnit.Months)]
    [InlineData("spend / payback", KpiUnit.Money)]
    [InlineData("customers / payback", KpiUnit.Count)]
    [InlineData("payback / payback", KpiUnit.Ratio)]
    public void UnitRules_MonthsMeasure_CombineLikeDays(string text, KpiUnit unit)
    {
        var parsed = FormulaParser.Parse(text, MonthsCatalog);

        Assert.Equal(unit, parsed.Formula!.Unit);
    }

    [Fact]
    public void UnitRules_MonthsPlusMoney_IsAnErrorNamingMonths()
    {
        var parsed = FormulaParser.Parse("payback + spend", MonthsCatalog);

        Assert.Equal("cannot add money to months", Assert.Single(parsed.Errors).Reason);
        Assert.Equal(
            "the formula gives months (months / count) but the KPI is declared as days",
            FormulaParser.Parse("payback / customers", MonthsCatalog).Formula!.CheckDeclaredUnit(KpiUnit.Days)!.Reason);
    }

    private static MeasureCatalog MonthsCatalog { get; } = new(
    [
        new MeasureInfo("payback", KpiUnit.Months, []),
        new MeasureInfo("spend", KpiUnit.Money, []),
        new MeasureInfo("customers", KpiUnit.Count, []),
    ]);
}
