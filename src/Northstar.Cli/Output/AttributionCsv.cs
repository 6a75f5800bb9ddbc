using System.Globalization;
using Northstar.Core.Attribution.Reports;

namespace Northstar.Cli.Output;

/// <summary>
/// Attribution results as flat CSV, numbers round-trippable. Credits and comparisons share one
/// shape (a line per model and key, then the model's untouched line), so a script reads both.
/// </summary>
internal static class AttributionCsv
{
    public static void Credits(TextWriter writer, IEnumerable<CreditTable> tables)
    {
        var header = true;
        foreach (var table in tables)
        {
            if (header)
            {
                CsvWriter.Line(writer, "model", table.By == AttributionDimension.Campaign ? "campaign" : "channel", "conversions", "conversion_share", "value", "value_share", "removal_effect");
                header = false;
            }

            foreach (var row in table.Rows)
            {
                var effect = table.RemovalEffects?.FirstOrDefault(e => e.Channel == row.Key)?.Conversion;
                CsvWriter.Line(writer, table.Model, row.Key, Raw(row.Conversions), Raw(row.ConversionShare), Raw(row.Value), Raw(row.ValueShare), Raw(effect));
            }

            CsvWriter.Line(writer, table.Model, AttributionSections.UntouchedRow, Raw(table.UntouchedConversions), "", Raw(table.UntouchedValue), "", "");
        }
    }

    public static void Pipeline(TextWriter writer, PipelineTable table)
    {
        CsvWriter.Line(writer, "channel", "sourced_deals", "sourced_pipeline", "sourced_share", "influenced_deals", "influenced_pipeline", "influenced_share");
        foreach (var r in table.Rows)
        {
            CsvWriter.Line(writer, r.Channel, Raw(r.SourcedDeals), Raw(r.SourcedPipeline), Raw(r.SourcedShare), Raw(r.InfluencedDeals), Raw(r.InfluencedPipeline), Raw(r.InfluencedShare));
        }

        // Sourced adds up with the unsourced line; the no-touch line is the influenced side's.
        var unsourced = AttributionReportSections.PipelineShare(table.UnsourcedPipeline, table);
        var untouched = AttributionReportSections.PipelineShare(table.UntouchedPipeline, table);
        CsvWriter.Line(writer, AttributionReportSections.UnsourcedRow, Raw(table.UnsourcedDeals), Raw(table.UnsourcedPipeline), Raw(unsourced), "", "", "");
        CsvWriter.Line(writer, AttributionReportSections.NoTouchRow, "", "", "", Raw(table.UntouchedDeals), Raw(table.UntouchedPipeline), Raw(untouched));
    }

    public static void Influence(TextWriter writer, InfluenceTable table)
    {
        CsvWriter.Line(writer, "model", "channel", "mqls", "mql_share", "revenue", "revenue_share", "difference");
        foreach (var r in table.Rows)
        {
            CsvWriter.Line(writer, table.Model, r.Channel, Raw(r.Mqls), Raw(r.MqlShare), Raw(r.Revenue), Raw(r.RevenueShare), Raw(r.Difference));
        }
    }

    public static void Economics(TextWriter writer, EconomicsTable table)
    {
        CsvWriter.Line(writer, "model", "channel", "acquisition_spend", "media_spend", "customers", "revenue", "cac", "roas", "roi");
        foreach (var r in table.Rows.Append(table.Untouched).Append(table.Total))
        {
            CsvWriter.Line(
                writer,
                table.Model,
                r.Channel,
                r.AcquisitionSpend.ToString(CultureInfo.InvariantCulture),
                r.MediaSpend.ToString(CultureInfo.InvariantCulture),
                Raw(r.Customers),
                Raw(r.Revenue),
                r.Cac?.ToString(CultureInfo.InvariantCulture) ?? "",
                Raw(r.Roas),
                Raw(r.Roi));
        }
    }

    private static string Raw(double? value) => ValueFormat.Raw(value);
}
