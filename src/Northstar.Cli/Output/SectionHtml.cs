using System.Net;

namespace Northstar.Cli.Output;

/// <summary>Writes titled sections (lines, a table, an optional chart) as one self-contained HTML page.</summary>
internal static class SectionHtml
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}" +
        "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .6em}" +
        "td.n{text-align:right}th{background:#f3f3f3}figure{margin:.5em 0}figcaption{font-size:.85em;color:#555}";

    public static void Write(TextWriter writer, string title, IReadOnlyList<ReportSection> sections, IReadOnlyDictionary<string, BarChart>? charts = null)
    {
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine($"<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Encode(title)}</title><style>{Style}</style></head><body>");
        foreach (var (section, i) in sections.Select((s, i) => (s, i)))
        {
            writer.WriteLine(i == 0 ? $"<h1>{Encode(section.Title)}</h1>" : $"<h2>{Encode(section.Title)}</h2>");
            if (section.Lines.Count > 0)
            {
                writer.WriteLine("<ul>" + string.Concat(section.Lines.Select(l => $"<li>{Encode(l.Trim())}</li>")) + "</ul>");
            }

            if (section.Headers.Count > 0)
            {
                WriteTable(writer, section);
            }

            if (charts is not null && charts.TryGetValue(section.Title, out var chart))
            {
                BarChartSvg.Write(writer, chart);
            }
        }

        writer.WriteLine("</body></html>");
    }

    private static void WriteTable(TextWriter writer, ReportSection section)
    {
        writer.WriteLine("<table><thead><tr>" + string.Concat(section.Headers.Select(h => $"<th>{Encode(h)}</th>")) + "</tr></thead><tbody>");
        foreach (var row in section.Rows)
        {
            writer.WriteLine("<tr>" + string.Concat(row.Select((cell, i) => i > 0 && LooksNumeric(cell) ? $"<td class=\"n\">{Encode(cell)}</td>" : $"<td>{Encode(cell)}</td>")) + "</tr>");
        }

        writer.WriteLine("</tbody></table>");
    }

    private static bool LooksNumeric(string cell) => cell.Length > 0 && (char.IsDigit(cell[0]) || cell[0] is '-' or '+' or '$') && cell.Length < 24;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
