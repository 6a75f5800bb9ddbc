using System.Globalization;
using Northstar.Core.Import;
using Northstar.Core.Import.Csv;

namespace Northstar.Core.Attribution;

/// <summary>Where a path table's columns sit, from its header, and the parsing of one row.</summary>
internal sealed class PathTableLayout
{
    private readonly string[] _headers;
    private readonly int _path;
    private readonly int _conversions;
    private readonly int _value;
    private readonly int _nulls;

    private PathTableLayout(string[] headers, int path, int conversions, int value, int nulls)
    {
        _headers = headers;
        _path = path;
        _conversions = conversions;
        _value = value;
        _nulls = nulls;
    }

    public static PathTableLayout? FromHeader(Utf8CsvReader reader, string fileName, List<ImportError> errors)
    {
        var headers = new string[reader.FieldCount];
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Length; i++)
        {
            headers[i] = reader.FieldString(i);
            byName.TryAdd(CanonicalLayout.NormalizeHeader(headers[i]), i);
        }

        var missing = false;
        foreach (var required in (string[])["path", "total_conversions"])
        {
            if (!byName.ContainsKey(required))
            {
                errors.Add(new ImportError(fileName, reader.RecordLine, required, "missing column"));
                missing = true;
            }
        }

        return missing ? null : new PathTableLayout(
            headers,
            byName["path"],
            byName["total_conversions"],
            byName.GetValueOrDefault("total_conversion_value", -1),
            byName.GetValueOrDefault("total_null", -1));
    }

    public ChannelPath? ReadRow(Utf8CsvReader reader, string fileName, List<ImportError> errors)
    {
        var line = reader.RecordLine;
        var before = errors.Count;
        var text = Cell(reader, _path);
        var channels = PathTable.SplitPath(text);
        if (channels is null)
        {
            errors.Add(new ImportError(fileName, line, _headers[_path], text.Trim().Length == 0 ? "empty path" : $"{PathTable.Describe(text)} has an empty channel"));
        }

        var conversions = Count(reader, _conversions, fileName, line, errors);
        var value = _value < 0 ? 0 : Number(reader, _value, fileName, line, errors);
        var nulls = _nulls < 0 ? 0 : Count(reader, _nulls, fileName, line, errors);
        return errors.Count > before ? null : new ChannelPath(channels!, conversions, value, nulls);
    }

    private static string Cell(Utf8CsvReader reader, int index) => index < reader.FieldCount ? reader.FieldString(index) : "";

    private double Number(Utf8CsvReader reader, int index, string fileName, int line, List<ImportError> errors)
    {
        var text = Cell(reader, index).Trim();
        if (text.Length == 0)
        {
            return 0;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.Add(new ImportError(fileName, line, _headers[index], $"{PathTable.Describe(text)} is not a number"));
            return 0;
        }

        if (value < 0)
        {
            errors.Add(new ImportError(fileName, line, _headers[index], $"{PathTable.Describe(text)} is negative"));
            return 0;
        }

        return value;
    }

    // Some tools write counts as "12.0": a whole number in any notation is accepted.
    private long Count(Utf8CsvReader reader, int index, string fileName, int line, List<ImportError> errors)
    {
        var before = errors.Count;
        var value = Number(reader, index, fileName, line, errors);
        if (errors.Count == before && (value != Math.Floor(value) || value > long.MaxValue))
        {
            errors.Add(new ImportError(fileName, line, _headers[index], $"{PathTable.Describe(Cell(reader, index).Trim())} is not a whole number"));
            return 0;
        }

        return (long)value;
    }
}
