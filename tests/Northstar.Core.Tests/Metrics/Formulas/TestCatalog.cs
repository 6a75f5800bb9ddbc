using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Formulas;

namespace Northstar.Core.Tests.Metrics.Formulas;

/// <summary>A small measure catalogue, one measure per unit and a few to divide by.</summary>
internal static class TestCatalog
{
    public static MeasureCatalog Instance { get; } = new(
    [
        new MeasureInfo("leads", KpiUnit.Count, [Dimensions.Channel, Dimensions.Source, Dimensions.Campaign, Dimensions.LandingPage]),
        new MeasureInfo("spend", KpiUnit.Money, [Dimensions.Channel, Dimensions.Campaign, Dimensions.Kind]),
        new MeasureInfo("revenue_new", KpiUnit.Money, [Dimensions.Channel, Dimensions.Campaign, Dimensions.Segment]),
        new MeasureInfo("emails_sent", KpiUnit.Count, [Dimensions.Campaign, Dimensions.Segment]),
        new MeasureInfo("meetings_booked", KpiUnit.Count, [Dimensions.Owner, Dimensions.Segment]),
        new MeasureInfo("deals_won", KpiUnit.Count, [Dimensions.Owner, Dimensions.Segment]),
        new MeasureInfo("sales_cycle_days", KpiUnit.Days, [Dimensions.Owner]),
        new MeasureInfo("survey_score", KpiUnit.Score, []),
        new MeasureInfo("open_rate", KpiUnit.Ratio, [Dimensions.Campaign]),
    ]);

    /// <summary>Parses a formula that must be valid.</summary>
    public static Formula Parse(string text)
    {
        var result = FormulaParser.Parse(text, Instance);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Render(text))));
        return result.Formula;
    }

    /// <summary>Parses a formula that must fail with exactly one error, and returns it.</summary>
    public static FormulaError SingleError(string text)
    {
        var result = FormulaParser.Parse(text, Instance);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }
}
