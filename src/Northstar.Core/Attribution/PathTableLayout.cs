using System.Globalization;
using System.Runtime.CompilerServices;
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
    private int[] _ids = new int[32];
    private (int Start, int Length)[] _names = new (int, int)[32];

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

    /// <summary>
    /// Adds the row to <paramref name="builder"/> straight from its bytes (no strings but new
    /// channel names); false when any cell does not read cleanly, or a channel name starts or
    /// ends in a non-ASCII byte (it might be Unicode white space), and nothing is added: the
    /// caller then takes <see cref="ReadRow"/>, which finds the same values or reports the problems.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(Utf8CsvReader reader, PathTableColumnsBuilder builder)
    {
        if (!TryCount(reader, _conversions, out var conversions) || !TryNumber(reader, _value, out var value) || !TryCount(reader, _nulls, out var nulls))
        {
            return false;
        }

        var cell = _path < reader.FieldCount ? reader.Field(_path) : default;
        var parts = SplitPath(cell);
        if (parts < 0)
        {
            return false;
        }

        // Names only once the whole path is clean: a failed row must not leave a channel behind.
        for (var i = 0; i < parts; i++)
        {
            _ids[i] = builder.ChannelId(cell.Slice(_names[i].Start, _names[i].Length));
        }

        builder.Add(_ids.AsSpan(0, parts), conversions, value, nulls);
        return true;
    }

    /// <summary>
    /// As <see cref="PathTable.SplitPath"/> on bytes: split on '>', trim each part, where each
    /// name sits into <c>_names</c>; the number of parts, or -1 for an empty part or a name at
    /// whose ends a non-ASCII byte might be Unicode white space (the string path decides those).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SplitPath(ReadOnlySpan<byte> cell)
    {
        var parts = 0;
        for (var start = 0; start <= cell.Length; parts++)
        {
            var length = cell[start..].IndexOf((byte)'>');
            length = length < 0 ? cell.Length - start : length;
            var name = PathTableNumbers.TrimSpace(cell.Slice(start, length), out var lead);
            if (name.IsEmpty || name[0] >= 0x80 || name[^1] >= 0x80)
            {
                return -1;
            }

            if (parts == _names.Length)
            {
                Array.Resize(ref _names, parts * 2);
                Array.Resize(ref _ids, parts * 2);
            }

            _names[parts] = (start + lead, name.Length);
            start += length + 1;
        }

        return parts;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryNumber(Utf8CsvReader reader, int index, out double value)
    {
        value = 0;
        return index < 0 || PathTableNumbers.TryParse(index < reader.FieldCount ? reader.Field(index) : default, out value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryCount(Utf8CsvReader reader, int index, out long count)
    {
        var ok = TryNumber(reader, index, out var value) && value == Math.Floor(value) && value <= long.MaxValue;
        count = ok ? (long)value : 0;
        return ok;
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
