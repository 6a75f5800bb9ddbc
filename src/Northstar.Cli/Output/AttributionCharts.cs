using Northstar.Core.Attribution.Reports;
using static Northstar.Cli.Output.AttributionSections;

namespace Northstar.Cli.Output;

/// <summary>The HTML page's bar charts, keyed by the title of the section they follow.</summary>
internal static class AttributionCharts
{
    public static IReadOnlyDictionary<string, BarChart> Credits(IReadOnlyList<ReportSection> sections, CreditTable table) => new Dictionary<string, BarChart>(StringComparer.Ordinal)
    {
        [sections[0].Title] = new BarChart(
            $"Share of the credited conversions under {table.Model}.",
            [.. table.Rows.Select(r => new Bar(r.Key, r.ConversionShare, null, Share(r.ConversionShare), null))]),
    };

    public static IReadOnlyDictionary<string, BarChart> Pipeline(IReadOnlyList<ReportSection> sections, PipelineTable table) => new Dictionary<string, BarChart>(StringComparer.Ordinal)
    {
        [sections[0].Title] = new BarChart(
            "Sourced pipeline (filled, by original source) and influenced pipeline (outline, by look-back journey), per channel.",
            [.. table.Rows.Select(r => new Bar(r.Channel, r.SourcedPipeline, r.InfluencedPipeline, Money(r.SourcedPipeline), Money(r.InfluencedPipeline)))]),
    };

    public static IReadOnlyDictionary<string, BarChart> Influence(IReadOnlyList<ReportSection> sections, InfluenceTable table) => new Dictionary<string, BarChart>(StringComparer.Ordinal)
    {
        [sections[0].Title] = new BarChart(
            "Share of won revenue (filled) against share of MQLs (outline), per channel; red: revenue share below MQL share.",
            [.. table.Rows.Select(r => new Bar(r.Channel, r.RevenueShare, r.MqlShare, Share(r.RevenueShare), Share(r.MqlShare), r.Difference < 0))]),
    };
}
