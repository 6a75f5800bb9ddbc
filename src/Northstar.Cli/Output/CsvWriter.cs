namespace Northstar.Cli.Output;

/// <summary>Writes RFC 4180 CSV lines: fields with a comma, quote or line break are quoted, quotes doubled.</summary>
internal static class CsvWriter
{
    private static readonly char[] NeedsQuotes = [',', '"', '\n', '\r'];

    public static void Line(TextWriter writer, params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', fields.Select(Field)));
        writer.Write('\n');
    }

    private static string Field(string value) =>
        value.IndexOfAny(NeedsQuotes) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
