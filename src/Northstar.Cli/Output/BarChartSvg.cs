using System.Globalization;
using System.Net;

namespace Northstar.Cli.Output;

/// <summary>Draws a <see cref="BarChart"/> as a self-contained SVG (no script, no external files).</summary>
internal static class BarChartSvg
{
    private const int LabelWidth = 190;
    private const int BarWidth = 420;
    private const int RowHeight = 26;

    public static void Write(TextWriter writer, BarChart chart)
    {
        var max = chart.Bars.Select(b => Math.Max(Length(chart, b.Value), Length(chart, b.Reference ?? 0))).DefaultIfEmpty(0).Max();
        var height = (chart.Bars.Count * RowHeight) + 10;
        writer.WriteLine(Invariant($"<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{LabelWidth + BarWidth + 200}\" height=\"{height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(chart.Caption)}\">"));
        foreach (var (bar, i) in chart.Bars.Select((b, i) => (b, i)))
        {
            var y = (i * RowHeight) + 5;
            var width = Scale(chart, bar.Value, max);
            writer.WriteLine(Invariant($"<text x=\"0\" y=\"{y + 16}\" font-size=\"13\">{WebUtility.HtmlEncode(bar.Label)}</text>"));
            writer.WriteLine(Invariant($"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{width:0.#}\" height=\"18\" fill=\"{(bar.Highlight ? "#d9534f" : "#4a7fb5")}\"/>"));
            if (bar.Reference is { } reference)
            {
                writer.WriteLine(Invariant($"<rect x=\"{LabelWidth}\" y=\"{y + 1}\" width=\"{Scale(chart, reference, max):0.#}\" height=\"22\" fill=\"none\" stroke=\"#333\" stroke-dasharray=\"4 2\"/>"));
            }

            var text = bar.ReferenceText is null ? bar.ValueText : $"{bar.ValueText} / {bar.ReferenceText}";
            writer.WriteLine(Invariant($"<text x=\"{LabelWidth + BarWidth + 8}\" y=\"{y + 16}\" font-size=\"13\">{WebUtility.HtmlEncode(text)}</text>"));
        }

        writer.WriteLine($"</svg><figcaption>{WebUtility.HtmlEncode(chart.Caption)}</figcaption></figure>");
    }

    /// <summary>The bar's length in pixels: its share of the longest bar or outline (0 when all are 0).</summary>
    internal static double Scale(BarChart chart, double value, double max) =>
        max <= 0 ? 0 : Math.Max(0, Length(chart, value)) / max * BarWidth;

    private static double Length(BarChart chart, double value) =>
        chart.LogScale ? Math.Log10(1 + Math.Max(0, value)) : value;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
