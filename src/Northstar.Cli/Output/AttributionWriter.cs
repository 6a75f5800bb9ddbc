using Northstar.Core.Attribution.Reports;

namespace Northstar.Cli.Output;

/// <summary>Prints an attribution result in the format asked: table, json, csv, md or html.</summary>
internal static class AttributionWriter
{
    public static void Credits(CliContext context, AttributionScope scope, CreditTable table, string format)
    {
        var sections = AttributionSections.Credits(scope, table);
        Write(context, format, new { scope, credits = table }, sections, AttributionCharts.Credits(sections, table), w => AttributionCsv.Credits(w, [table]));
    }

    public static void Comparison(CliContext context, AttributionScope scope, ModelComparison comparison, string format) =>
        Write(context, format, new { scope, comparison }, AttributionSections.Comparison(scope, comparison), null, w => AttributionCsv.Credits(w, comparison.Tables));

    public static void Pipeline(CliContext context, AttributionScope scope, PipelineTable table, string format)
    {
        var sections = AttributionReportSections.Pipeline(scope, table);
        Write(context, format, new { scope, pipeline = table }, sections, AttributionCharts.Pipeline(sections, table), w => AttributionCsv.Pipeline(w, table));
    }

    public static void Influence(CliContext context, AttributionScope scope, InfluenceTable table, string format)
    {
        var sections = AttributionReportSections.Influence(scope, table);
        Write(context, format, new { scope, influence = table }, sections, AttributionCharts.Influence(sections, table), w => AttributionCsv.Influence(w, table));
    }

    public static void Economics(CliContext context, AttributionScope scope, EconomicsTable table, string format) =>
        Write(context, format, new { scope, economics = table }, AttributionReportSections.Economics(scope, table), null, w => AttributionCsv.Economics(w, table));

    private static void Write<TJson>(
        CliContext context,
        string format,
        TJson json,
        IReadOnlyList<ReportSection> sections,
        IReadOnlyDictionary<string, BarChart>? charts,
        Action<TextWriter> csv)
    {
        switch (format)
        {
            case "json":
                Json.Write(context.Out, json);
                break;
            case "csv":
                csv(context.Out);
                break;
            case "md":
                SectionRender.Markdown(context.Out, sections);
                break;
            case "html":
                SectionHtml.Write(context.Out, "Northstar attribution: " + sections[0].Title, sections, charts);
                break;
            default:
                SectionRender.Table(context.Console, sections);
                break;
        }
    }
}
