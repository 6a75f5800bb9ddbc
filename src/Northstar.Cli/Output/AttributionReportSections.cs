using Northstar.Core.Attribution.Reports;
using static Northstar.Cli.Output.AttributionSections;

namespace Northstar.Cli.Output;

/// <summary>Sourced vs influenced pipeline, MQL vs revenue influence and channel economics as titled sections.</summary>
internal static class AttributionReportSections
{
    /// <summary>The pipeline table's line for deals without a known original source.</summary>
    public const string UnsourcedRow = "(no known source)";

    /// <summary>The pipeline table's line for deals no channel influenced.</summary>
    public const string NoTouchRow = "(no touch in look-back)";

    public static IReadOnlyList<ReportSection> Pipeline(AttributionScope scope, PipelineTable table)
    {
        var lines = PipelineLines(scope, table);
        var max = table.Rows.Select(r => r.InfluencedShare).DefaultIfEmpty(0).Max();
        var whole = ValueFormat.WholeMoney([table.Pipeline]);
        var rows = table.Rows.Select(r => (IReadOnlyList<string>)
        [
            r.Channel,
            Count(r.SourcedDeals), Money(r.SourcedPipeline, whole), Share(r.SourcedShare),
            Count(r.InfluencedDeals), Money(r.InfluencedPipeline, whole), Share(r.InfluencedShare),
            AttributionBar.Of(r.InfluencedShare, max),
        ]).ToList();
        if (table.UnsourcedDeals > 0)
        {
            rows.Add([UnsourcedRow, Count(table.UnsourcedDeals), Money(table.UnsourcedPipeline, whole), Share(PipelineShare(table.UnsourcedPipeline, table)), "-", "-", "-", ""]);
        }

        if (table.UntouchedDeals > 0)
        {
            rows.Add([NoTouchRow, "-", "-", "-", Count(table.UntouchedDeals), Money(table.UntouchedPipeline, whole), Share(PipelineShare(table.UntouchedPipeline, table)), ""]);
        }

        return
        [
            new ReportSection(
                "Pipeline: sourced vs influenced",
                lines,
                ["Channel", "Sourced deals", "Sourced pipeline", "Sourced share", "Influenced deals", "Influenced pipeline", "Influenced share", "Influenced"],
                rows),
        ];
    }

    private static List<string> PipelineLines(AttributionScope scope, PipelineTable table)
    {
        var influenced = table.Pipeline > 0 ? table.Rows.Sum(r => r.InfluencedPipeline) / table.Pipeline : 0;
        var lines = new List<string>
        {
            scope.Describe(),
            $"{Count(table.Deals)} deals created, pipeline {Money(table.Pipeline)} (the pipeline_created KPI).",
            "Sourced: each deal goes whole to its contact's original source, the channel of the contact's first touch ever (no look-back window; "
                + $"without a touch, the channel on the contact's row), as 'northstar kpi pipeline_created --by channel' counts it; the sourced column and the {UnsourcedRow} line add up to the pipeline.",
            $"Influenced: every channel in the deal's journey (its touches in the {scope.LookbackDays} days before the deal) gets the whole deal, so influenced does not add up to the pipeline "
                + $"(here it sums to {Share(influenced)} of it), and is below sourced where contacts' first touches are older than the look-back.",
        };
        if (table.UntouchedDeals > 0)
        {
            lines.Add($"{Count(table.UntouchedDeals)} deals ({Money(table.UntouchedPipeline)}) had no touch in the look-back window: influenced by no channel.");
        }

        return lines;
    }

    /// <summary>An amount as a share of the table's pipeline (0 without pipeline).</summary>
    public static double PipelineShare(double amount, PipelineTable table) => table.Pipeline > 0 ? amount / table.Pipeline : 0;

    public static IReadOnlyList<ReportSection> Influence(AttributionScope scope, InfluenceTable table)
    {
        var lines = new List<string>
        {
            scope.Describe(),
            $"Under {table.Model}: {Count(table.Mqls)} MQLs and {Money(table.Revenue)} of won revenue credited; each share column adds up to 100%.",
            "Difference: revenue share less MQL share. Positive: the channel brings more revenue than its MQLs suggest; negative: MQLs that do not turn into revenue.",
        };
        if (table.UntouchedMqls > 0 || table.UntouchedRevenue > 0)
        {
            lines.Add($"Not credited (no touch in the look-back window): {Count(table.UntouchedMqls)} MQLs, {Money(table.UntouchedRevenue)} of revenue.");
        }

        var whole = ValueFormat.WholeMoney([table.Revenue]);
        var rows = table.Rows.Select(r => (IReadOnlyList<string>)
        [
            r.Channel, Count(r.Mqls), Share(r.MqlShare), Money(r.Revenue, whole), Share(r.RevenueShare), Points(r.Difference, signed: true),
        ]).ToList();
        return [new ReportSection($"Influence: MQLs vs revenue ({table.Model})", lines, ["Channel", "MQLs", "MQL share", "Revenue", "Revenue share", "Difference"], rows)];
    }

    public static IReadOnlyList<ReportSection> Economics(AttributionScope scope, EconomicsTable table)
    {
        var lines = new List<string>
        {
            scope.Describe(),
            $"Customers and won revenue credited under {table.Model}; spend of the period from the spend facts.",
            "CAC = acquisition spend (every kind but service) / customers credited; ROAS = revenue credited / media spend; ROI = (revenue credited - acquisition spend) / acquisition spend.",
            "The total line holds all spend, customers and revenue (untouched included): its ratios are the blended ones. '-' (empty in CSV, null in JSON): nothing to divide by.",
        };
        var unpriced = table.Rows.Where(r => r.AcquisitionSpend == 0 && (r.Customers > 0 || r.Revenue > 0)).Select(r => r.Channel).ToList();
        if (unpriced.Count > 0)
        {
            lines.Add($"No acquisition spend recorded for {string.Join(", ", unpriced)}: CAC and ROI are '-', not 0. Those customers cost what is not recorded against the channel, "
                + "and a CAC of 0 would rank it the cheapest; record such costs as spend of the channel to see them. Its customers and revenue still count in the total line.");
        }
        var untouched = table.Untouched.Customers > 0 || table.Untouched.Revenue > 0 ? [table.Untouched] : Array.Empty<EconomicsRow>();
        var whole = ValueFormat.WholeMoney([(double)table.Total.AcquisitionSpend, table.Total.Revenue]);
        var rows = table.Rows.Concat(untouched).Append(table.Total).Select(r => (IReadOnlyList<string>)
        [
            r.Channel == EconomicsReport.UntouchedLabel ? UntouchedRow : r.Channel,
            Money((double)r.AcquisitionSpend, whole), Money((double)r.MediaSpend, whole), Count(r.Customers), Money(r.Revenue, whole),
            r.Cac is { } cac ? Money((double)cac, whole) : "-",
            r.Roas is { } roas ? Count(roas) + "x" : "-",
            r.Roi is { } roi ? Share(roi) : "-",
        ]).ToList();
        return [new ReportSection($"Channel economics ({table.Model})", lines, ["Channel", "Acquisition spend", "Media spend", "Customers", "Revenue", "CAC", "ROAS", "ROI"], rows)];
    }

    // A difference that rounds to 0.0 reads "0.0 pp", not "+0.0" or "-0.0".
    private static string Points(double change, bool signed)
    {
        var text = AttributionSections.Points(change);
        return text is "0.0 pp" or "-0.0 pp" ? "0.0 pp" : (signed && change > 0 ? "+" : "") + text;
    }
}
