using System.Globalization;
using System.Text;
using Northstar.Core.Import;
using Northstar.Core.Import.Csv;

namespace Northstar.Core.Attribution;

/// <summary>
/// The path table other attribution tools read and write: one row per distinct path, columns
/// <c>path</c> ("a &gt; b &gt; c"), <c>total_conversions</c>, <c>total_conversion_value</c>,
/// <c>total_null</c>. Reading is header-driven (any order, headers matched like the import's);
/// <c>path</c> and <c>total_conversions</c> are required, the value and null columns default to 0.
/// </summary>
public static class PathTable
{
    /// <summary>The columns, in writing order.</summary>
    public static readonly IReadOnlyList<string> Columns = ["path", "total_conversions", "total_conversion_value", "total_null"];

    /// <summary>
    /// One row per distinct channel path of the journeys: converted journeys add a conversion and
    /// their value, the others a null. Rows are ordered by path text (ordinal).
    /// </summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="collapseRepeats">Merge consecutive touches of one channel ("a > a > b" becomes "a > b").</param>
    public static IReadOnlyList<ChannelPath> Aggregate(IEnumerable<Journey> journeys, bool collapseRepeats = false)
    {
        var columns = AggregateColumns(journeys, collapseRepeats);
        var paths = columns.ToPaths();
        return [.. PathTableTextOrder.Sort(columns).Select(row => paths[row])];
    }

    /// <summary>
    /// As <see cref="Aggregate"/>, into columns for the models (no string per path), rows in order
    /// of first appearance. Throws <see cref="ArgumentException"/> for a journey without touches.
    /// </summary>
    public static PathTableColumns AggregateColumns(IEnumerable<Journey> journeys, bool collapseRepeats = false)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        var aggregator = new PathTableAggregator(journeys.TryGetNonEnumeratedCount(out var count) ? count : null);
        foreach (var journey in journeys)
        {
            aggregator.Add(journey, collapseRepeats);
        }

        return aggregator.Build();
    }

    /// <summary>Writes the paths as CSV with the header of <see cref="Columns"/>; values round-trip exactly.</summary>
    public static void Write(TextWriter writer, IEnumerable<ChannelPath> paths)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(paths);
        writer.Write(string.Join(',', Columns));
        writer.Write('\n');
        foreach (var path in paths)
        {
            writer.Write(Quote(path.ToString()));
            writer.Write(',');
            writer.Write(path.Conversions.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(path.Value.ToString("R", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(path.Nulls.ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    /// <summary>Reads a path table; <paramref name="fileName"/> names the file in errors.</summary>
    public static PathTableReadResult Read(Stream stream, string fileName)
    {
        var read = ReadColumns(stream, fileName);
        return new PathTableReadResult(read.Paths.ToPaths(), read.Errors);
    }

    /// <summary>Reads a path table file.</summary>
    public static PathTableReadResult Read(string filePath)
    {
        using var stream = File.OpenRead(filePath);
        return Read(stream, Path.GetFileName(filePath));
    }

    /// <summary>
    /// Reads a path table into columns, the form the models run on (the same rows and errors as
    /// <see cref="Read(Stream, string)"/>, without a string per channel per row).
    /// </summary>
    public static PathTableColumnsReadResult ReadColumns(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var builder = new PathTableColumnsBuilder(stream.CanSeek ? (int)Math.Min(stream.Length / 64, 1 << 24) : 1024);
        var errors = new List<ImportError>();
        using var reader = new Utf8CsvReader(stream);
        reader.DetectDelimiter();
        var header = reader.Read();
        if (header != CsvReadResult.Record)
        {
            errors.Add(new ImportError(fileName, header == CsvReadResult.BadRecord ? reader.RecordLine : 0, null, reader.FileProblem ?? reader.RecordProblem ?? "the file is empty: no header"));
            return new PathTableColumnsReadResult(builder.Build(), errors);
        }

        var layout = PathTableLayout.FromHeader(reader, fileName, errors);
        while (layout is not null)
        {
            var outcome = reader.Read();
            if (outcome == CsvReadResult.End)
            {
                break;
            }

            if (outcome == CsvReadResult.NotText)
            {
                errors.Add(new ImportError(fileName, 0, null, reader.FileProblem ?? "not a text file"));
                break;
            }

            if (outcome == CsvReadResult.BadRecord)
            {
                errors.Add(new ImportError(fileName, reader.RecordLine, null, reader.RecordProblem ?? "malformed record"));
            }
            else if (!layout.TryAdd(reader, builder) && layout.ReadRow(reader, fileName, errors) is { } path)
            {
                builder.Add(path);
            }
        }

        return new PathTableColumnsReadResult(builder.Build(), errors);
    }

    /// <summary>Reads a path table file into columns.</summary>
    public static PathTableColumnsReadResult ReadColumns(string filePath)
    {
        using var stream = File.OpenRead(filePath);
        return ReadColumns(stream, Path.GetFileName(filePath));
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",;\"\n\r") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    internal static IReadOnlyList<string>? SplitPath(string text)
    {
        var parts = text.Split('>', StringSplitOptions.TrimEntries);
        return parts.Any(p => p.Length == 0) ? null : parts;
    }

    internal static string Describe(string cell) => cell.Length == 0 ? "empty" : $"'{new StringBuilder(cell).Replace("'", "''")}'";
}
