using System.Globalization;
using Northstar.Cli.Commands;
using Northstar.Core.Attribution.Reports;
using Northstar.Core.Metrics;

namespace Northstar.Cli.Output;

/// <summary>A model's credits and the models side by side as titled sections (console table, Markdown, HTML).</summary>
internal static class AttributionSections
{
    /// <summary>The label of the untouched line in tables and CSV.</summary>
    public const string UntouchedRow = "(untouched, not credited)";

    public static IReadOnlyList<ReportSection> Credits(AttributionScope scope, CreditTable table)
    {
        var markov = table.RemovalEffects is not null;
        var valued = table.Value > 0 || table.UntouchedValue > 0;
        var whole = ValueFormat.WholeMoney([.. table.Rows.Select(r => (double?)r.Value), table.UntouchedValue]);
        var lines = new List<string> { scope.Describe() };
        lines.AddRange(Totals(table.Conversions, table.Value, table.UntouchedConversions, table.UntouchedValue));
        if (table.ConversionProbability is { } p)
        {
            lines.Add($"Markov chain: a journey converts with probability {PlanCommandFormat.Rate(p)}; a channel's removal effect is the share of conversions lost without it.");
        }

        List<string> headers = [Dimension(table.By), "Conversions", "Share", .. valued ? new[] { "Value", "Value share" } : []];
        headers.AddRange(markov ? ["Removal effect", "Share of conversions"] : ["Share of conversions"]);
        var max = table.Rows.Select(r => r.ConversionShare).DefaultIfEmpty(0).Max();
        var rows = table.Rows.Select(r =>
        {
            List<string> cells = [r.Key, Count(r.Conversions), Share(r.ConversionShare), .. valued ? new[] { Money(r.Value, whole), Share(r.ValueShare) } : []];
            if (markov)
            {
                cells.Add(Share(table.RemovalEffects!.FirstOrDefault(e => e.Channel == r.Key)?.Conversion ?? 0));
            }

            cells.Add(AttributionBar.Of(r.ConversionShare, max));
            return (IReadOnlyList<string>)cells;
        }).ToList();
        if (table.UntouchedConversions > 0)
        {
            rows.Add([UntouchedRow, Count(table.UntouchedConversions), "-", .. valued ? new[] { Money(table.UntouchedValue, whole), "-" } : [], .. markov ? new[] { "-", "" } : [""]]);
        }

        List<ReportSection> sections = [new ReportSection($"Attribution by {Dimension(table.By).ToLowerInvariant()}: {table.Model}", lines, headers, rows)];
        if (table.Positions is { } positions)
        {
            sections.Add(Positions(table, positions));
        }

        return sections;
    }

    public static IReadOnlyList<ReportSection> Comparison(AttributionScope scope, ModelComparison comparison)
    {
        var lines = new List<string>
        {
            scope.Describe(),
            $"Cells: credited conversions (share); each model's column adds up to {Count(comparison.Conversions)} conversions.",
        };
        if (comparison.UntouchedConversions > 0)
        {
            lines.Add($"{Count(comparison.UntouchedConversions)} conversions had no touch in the look-back window: counted, not credited by any model.");
        }

        if (comparison.MostDisputed is { Spread: > 0 } disputed)
        {
            var (low, high) = (comparison.Models.ToList().IndexOf(disputed.LowModel), comparison.Models.ToList().IndexOf(disputed.HighModel));
            lines.Add($"The models disagree most on {disputed.Key}: {Share(disputed.Shares[low])} under {disputed.LowModel}, {Share(disputed.Shares[high])} under {disputed.HighModel}.");
        }

        var max = comparison.Rows.Select(r => r.Spread).DefaultIfEmpty(0).Max();
        var rows = comparison.Rows.Select(r => (IReadOnlyList<string>)
        [
            r.Key,
            .. r.Conversions.Select((c, m) => $"{Count(c)} ({Share(r.Shares[m])})"),
            Points(r.Spread),
            AttributionBar.Of(r.Spread, max),
        ]).ToList();
        return [new ReportSection($"Models side by side by {Dimension(comparison.By).ToLowerInvariant()}", lines, [Dimension(comparison.By), .. comparison.Models, "Spread", "Disagreement"], rows)];
    }

    /// <summary>The totals lines: what the rows add up to, and the untouched conversions apart.</summary>
    public static IEnumerable<string> Totals(double conversions, double value, long untouched, double untouchedValue)
    {
        yield return value > 0
            ? $"{Count(conversions)} conversions credited, value {Money(value)}: the rows add up to both."
            : $"{Count(conversions)} conversions credited: the rows add up to them.";
        if (untouched > 0)
        {
            var worth = untouchedValue > 0 ? $" (value {Money(untouchedValue)})" : "";
            yield return $"{Count(untouched)} more conversions{worth} had no touch in the look-back window: counted, not credited.";
        }
    }

    public static string Dimension(AttributionDimension by) => by == AttributionDimension.Campaign ? "Campaign" : "Channel";

    public static string Share(double share) => ValueFormat.Value(share, KpiUnit.Ratio);

    public static string Money(double amount, bool whole = false) => ValueFormat.Value(amount, KpiUnit.Money, whole);

    /// <summary>Credited conversions: fractions to two decimals, whole numbers without ("0.77", "12", "1,234.5").</summary>
    public static string Count(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Points(double change) => (change * 100).ToString("0.0", CultureInfo.InvariantCulture) + " pp";

    private static ReportSection Positions(CreditTable table, IReadOnlyList<Core.Attribution.Heuristics.PositionCredit> positions)
    {
        const int Shown = 4;
        var rows = table.Rows.Select(r => (IReadOnlyList<string>)
        [
            r.Key,
            .. Enumerable.Range(1, Shown).Select(p => Count(positions.Where(x => x.Channel == r.Key && (p < Shown ? x.Position == p : x.Position >= p)).Sum(x => x.Conversions))),
        ]).ToList();
        return new ReportSection(
            "Ordered Shapley: credited conversions by the position a channel first appears at",
            ["A channel's positions add up to its credit above."],
            [Dimension(table.By), "1st", "2nd", "3rd", "4th or later"],
            rows);
    }
}
