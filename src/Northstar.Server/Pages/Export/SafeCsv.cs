using System.Globalization;
using System.Text;

namespace Northstar.Server.Pages.Export;

/// <summary>
/// CSV for spreadsheets, safe against formula injection (OWASP "CSV injection"): a cell whose
/// text starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a
/// single quote in front, so Excel, LibreOffice and Google Sheets show it as text instead of
/// running it. A plain number (<c>-12.5</c>, <c>+3</c>, <c>-1.2E-05</c>: optional sign, digits,
/// an optional fraction and exponent, nothing else) is left as it is: no formula can hide in it,
/// and a quoted negative number would no longer add up in the sheet. Every cell is then quoted
/// by RFC 4180 (double quotes doubled) when it holds a comma, quote or line break.
/// </summary>
public static class SafeCsv
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The cell as a spreadsheet must get it: neutralised, not yet quoted.</summary>
    public static string Neutralise(string? cell)
    {
        if (string.IsNullOrEmpty(cell) || Array.IndexOf(Triggers, cell[0]) < 0 || IsPlainNumber(cell))
        {
            return cell ?? "";
        }

        return "'" + cell;
    }

    /// <summary>One CSV field: neutralised, then quoted when needed.</summary>
    public static string Field(string? cell)
    {
        var safe = Neutralise(cell);
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    /// <summary>The whole file: a header line, then one line per row, CRLF line ends (RFC 4180).</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text, row);
        }

        return text.ToString();
    }

    /// <summary>True for an optionally signed decimal number and nothing else (what a sheet reads as a number).</summary>
    internal static bool IsPlainNumber(string cell) =>
        cell.Length > 1 && (char.IsAsciiDigit(cell[1]) || cell[1] == '.')
        && (cell[0] is '-' or '+')
        && double.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value);

    private static void Line(StringBuilder text, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Field(cells[i]));
        }

        text.Append("\r\n");
    }
}
