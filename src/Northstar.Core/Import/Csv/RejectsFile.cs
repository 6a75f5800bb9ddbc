using System.Text;

namespace Northstar.Core.Import.Csv;

/// <summary>
/// Writes the rows an import rejected: the header and each rejected record's original cells,
/// plus <c>reject_line</c> and <c>reject_reason</c> columns, in the input's delimiter. Found by
/// reading the input a second time, so the first pass keeps only line numbers.
/// </summary>
internal static class RejectsFile
{
    public static void Write(string inputPath, int skipLines, string rejectsPath, IReadOnlyDictionary<int, string> reasons)
    {
        using var reader = new Utf8CsvReader(File.OpenRead(inputPath), 1 << 16);
        reader.DetectDelimiter(skipLines);
        var delimiter = (char)reader.Delimiter;
        using var output = new StreamWriter(rejectsPath, append: false, new UTF8Encoding(false));
        if (reader.Read() != CsvReadResult.Record)
        {
            return;
        }

        WriteRow(output, reader, delimiter, "reject_line", "reject_reason");
        var left = reasons.Count;
        while (left > 0)
        {
            var result = reader.Read();
            if (result is CsvReadResult.End or CsvReadResult.NotText)
            {
                break;
            }

            if (!reasons.TryGetValue(reader.RecordLine, out var reason))
            {
                continue;
            }

            left--;
            var line = reader.RecordLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (result == CsvReadResult.BadRecord)
            {
                output.Write(Escape(Encoding.UTF8.GetString(reader.RecordBytes), delimiter));
                output.Write($"{delimiter}{line}{delimiter}{Escape(reason, delimiter)}\n");
                continue;
            }

            WriteRow(output, reader, delimiter, line, reason);
        }
    }

    private static void WriteRow(StreamWriter output, Utf8CsvReader reader, char delimiter, string line, string reason)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            output.Write(Escape(reader.FieldString(i), delimiter));
            output.Write(delimiter);
        }

        output.Write(Escape(line, delimiter));
        output.Write(delimiter);
        output.Write(Escape(reason, delimiter));
        output.Write('\n');
    }

    /// <summary>RFC 4180: quote a cell holding the delimiter, a quote or a line break; double its quotes.</summary>
    public static string Escape(string cell, char delimiter) =>
        cell.AsSpan().IndexOfAny(delimiter, '"', '\n') < 0 && !cell.Contains('\r')
            ? cell
            : "\"" + cell.Replace("\"", "\"\"") + "\"";
}
