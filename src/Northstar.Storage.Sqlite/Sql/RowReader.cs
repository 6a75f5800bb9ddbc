using System.Globalization;
using System.Text;
using Northstar.Core.Facts;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Sql;

/// <summary>Reads one result row's columns in order, the inverse of <see cref="RowBinder"/>.</summary>
internal sealed class RowReader
{
    private sqlite3_stmt _stmt = null!;
    private int _index;

    public RowReader Start(sqlite3_stmt stmt, int first)
    {
        _stmt = stmt;
        _index = first;
        return this;
    }

    public string? TextOrNull()
    {
        var i = _index++;
        return raw.sqlite3_column_type(_stmt, i) == raw.SQLITE_NULL
            ? null
            : Encoding.UTF8.GetString(raw.sqlite3_column_blob(_stmt, i));
    }

    public string Text() => TextOrNull() ?? throw Missing();

    public long? IntOrNull()
    {
        var i = _index++;
        return raw.sqlite3_column_type(_stmt, i) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(_stmt, i);
    }

    public long Int() => IntOrNull() ?? throw Missing();

    public double Real() => raw.sqlite3_column_double(_stmt, _index++);

    public bool? Bool() => IntOrNull() is { } v ? v != 0 : null;

    public DateTimeOffset? TimeOrNull() => IntOrNull() is { } v ? StoreValues.FromMicros(v) : null;

    public DateTimeOffset Time() => TimeOrNull() ?? throw Missing();

    public DateOnly Date() => StoreValues.DateFromText(Text());

    public decimal? DecimalOrNull() =>
        TextOrNull() is { } s ? decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    public decimal Decimal() => DecimalOrNull() ?? throw Missing();

    public TEnum Enum<TEnum>()
        where TEnum : struct, System.Enum => EnumNames<TEnum>.Parse(Text());

    public TEnum? EnumOrNull<TEnum>()
        where TEnum : struct, System.Enum => TextOrNull() is { } s ? EnumNames<TEnum>.Parse(s) : null;

    public PropertyBag Properties() => PropertyJson.Read(TextOrNull());

    private InvalidDataException Missing() =>
        new($"Column {raw.sqlite3_column_name(_stmt, _index - 1).utf8_to_string()} is NULL in the database but required.");
}
