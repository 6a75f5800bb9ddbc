using System.Text;
using Northstar.Core.Facts;
using Northstar.Core.Import.Csv;

namespace Northstar.Core.Import.Mapping;

/// <summary>
/// The record being mapped: typed reads of its cells that record an error (with the column's
/// header and the offending text) instead of throwing. Empty cells read as null ("not known").
/// </summary>
internal sealed class RowContext(Utf8CsvReader reader, ColumnSet columns, TimeZoneInfo zone)
{
    private readonly Utf8StringPool?[] _pools = new Utf8StringPool?[columns.Count];
    private int[] _extra = [];

    public ColumnSet Columns => columns;

    public TimeZoneInfo Zone => zone;

    /// <summary>The errors of the current row: column index (-1 for the row) and reason.</summary>
    public List<(int Column, string Reason)> Errors { get; } = [];

    public bool HasErrors => Errors.Count > 0;

    /// <summary>The physical line the current record starts on.</summary>
    public int Line => reader.RecordLine;

    /// <summary>Set once the mapper has claimed its columns: the rest become properties.</summary>
    public void SealColumns() => _extra = columns.Unclaimed();

    /// <summary>Set by a mapper for a record that is no data (a report's total line): not counted, not stored.</summary>
    public bool Skipped { get; set; }

    public void Reset()
    {
        Errors.Clear();
        Skipped = false;
    }

    public void Error(int column, string reason) => Errors.Add((column, reason));

    /// <summary>The raw cell, empty when the column is absent.</summary>
    public ReadOnlySpan<byte> Cell(int column) => column < 0 ? default : reader.Field(column);

    public bool IsEmpty(int column) => column < 0 || reader.Field(column).IsEmpty;

    public string? Text(int column) => IsEmpty(column) ? null : reader.FieldString(column);

    /// <summary>A cell from a low-cardinality column, interned.</summary>
    public string? Pooled(int column)
    {
        if (IsEmpty(column))
        {
            return null;
        }

        return (_pools[column] ??= new Utf8StringPool()).Get(reader.Field(column));
    }

    public string? RequiredText(int column) => Required(column) ? reader.FieldString(column) : null;

    public string? RequiredPooled(int column) => Required(column) ? Pooled(column) : null;

    public DateTimeOffset? Timestamp(int column, bool required = false)
    {
        if (!Present(column, required))
        {
            return null;
        }

        if (CellParsers.TryParseTimestamp(reader.Field(column), zone, out var value))
        {
            return value;
        }

        return Fail<DateTimeOffset>(column, "is not a date (expected ISO 8601)");
    }

    public DateOnly? Date(int column, bool required = false)
    {
        if (!Present(column, required))
        {
            return null;
        }

        if (CellParsers.TryParseDate(reader.Field(column), out var value))
        {
            return value;
        }

        return Fail<DateOnly>(column, "is not a date (expected yyyy-MM-dd)");
    }

    /// <summary>A plain decimal; <paramref name="nonNegative"/> for amounts where a negative makes no sense.</summary>
    public decimal? Decimal(int column, bool nonNegative, bool required = false, bool allowGrouping = false)
    {
        if (!Present(column, required))
        {
            return null;
        }

        var cell = reader.Field(column);
        if (CellParsers.TryParseDecimal(cell, out var value) || (allowGrouping && CellParsers.TryParseGroupedDecimal(cell, out value)))
        {
            return value < 0 && nonNegative ? Fail<decimal>(column, "is negative; it cannot be") : value;
        }

        return CellParsers.HasCommaSeparator(cell)
            ? Fail<decimal>(column, "has a thousands separator or decimal comma (write a plain decimal like 1234.5)")
            : Fail<decimal>(column, "is not a number (expected a plain decimal like 1234.5)");
    }

    public long? Count(int column, bool allowGrouping = false)
    {
        var value = Decimal(column, nonNegative: true, allowGrouping: allowGrouping);
        if (value is not { } v)
        {
            return null;
        }

        return v == decimal.Truncate(v) && v <= long.MaxValue ? (long)v : Fail<long>(column, "is not a whole number");
    }

    public int? Int(int column, int min, int max, string what, bool required = false)
    {
        if (!Present(column, required))
        {
            return null;
        }

        return CellParsers.TryParseInt(reader.Field(column), out var value) && value >= min && value <= max
            ? (int)value
            : Fail<int>(column, $"is not {what}");
    }

    public double? Double(int column, bool required = false)
    {
        if (!Present(column, required))
        {
            return null;
        }

        return CellParsers.TryParseDouble(reader.Field(column), out var value)
            ? value
            : Fail<double>(column, "is not a number");
    }

    public bool? Bool(int column)
    {
        if (IsEmpty(column))
        {
            return null;
        }

        return CellParsers.TryParseBool(reader.Field(column), out var value) ? value : Fail<bool>(column, "is not true or false");
    }

    /// <summary>An enum by its snake_case name; <paramref name="what"/> names it in the error (<c>an event type</c>).</summary>
    public TEnum? Enum<TEnum>(int column, string what, bool required = false)
        where TEnum : struct, Enum
    {
        if (!Present(column, required))
        {
            return null;
        }

        if (SnakeCaseNames<TEnum>.TryParse(Pooled(column)!, out var value))
        {
            return value;
        }

        return Fail<TEnum>(column, $"is not {what} (expected one of {string.Join(", ", SnakeCaseNames<TEnum>.All)})");
    }

    /// <summary>The non-empty cells of the columns no mapper claimed, by normalised header.</summary>
    public PropertyBag Properties()
    {
        List<KeyValuePair<string, string>>? items = null;
        foreach (var i in _extra)
        {
            if (i < reader.FieldCount && !reader.Field(i).IsEmpty)
            {
                (items ??= []).Add(new(columns.Names[i], reader.FieldString(i)));
            }
        }

        return items is null ? PropertyBag.Empty : PropertyBag.From(items);
    }

    /// <summary>The cell quoted for an error message, shortened when long.</summary>
    public string Quote(int column)
    {
        var text = Encoding.UTF8.GetString(Cell(column));
        return text.Length > 60 ? $"'{text[..57]}...'" : $"'{text}'";
    }

    private bool Required(int column)
    {
        if (!IsEmpty(column))
        {
            return true;
        }

        Errors.Add((column, "is empty; a value is required"));
        return false;
    }

    private bool Present(int column, bool required) => required ? Required(column) : !IsEmpty(column);

    private T? Fail<T>(int column, string reason)
        where T : struct
    {
        Errors.Add((column, $"{Quote(column)} {reason}"));
        return null;
    }
}
