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
    private StringPool? _pool;

    public RowReader Start(sqlite3_stmt stmt, int first)
    {
        _stmt = stmt;
        _index = first;
        return this;
    }

    public string? TextOrNull()
    {
        var i = _index++;
        return FastNative.ColumnType(_stmt, i) == raw.SQLITE_NULL
            ? null
            : Encoding.UTF8.GetString(FastNative.ColumnBlob(_stmt, i));
    }

    public string Text() => TextOrNull() ?? throw Missing();

    /// <summary>
    /// Text of a column with few distinct values (a channel, a campaign, an enum name): one
    /// instance per value for the rows this reader reads, so repeated values allocate nothing.
    /// </summary>
    public string? SharedTextOrNull()
    {
        var i = _index++;
        return FastNative.ColumnType(_stmt, i) == raw.SQLITE_NULL
            ? null
            : (_pool ??= new StringPool()).Get(FastNative.ColumnBlob(_stmt, i));
    }

    public string SharedText() => SharedTextOrNull() ?? throw Missing();

    public long? IntOrNull()
    {
        var i = _index++;
        return FastNative.ColumnType(_stmt, i) == raw.SQLITE_NULL ? null : FastNative.ColumnInt64(_stmt, i);
    }

    public long Int() => IntOrNull() ?? throw Missing();

    public double Real() => FastNative.ColumnDouble(_stmt, _index++);

    public bool? Bool() => IntOrNull() is { } v ? v != 0 : null;

    public DateTimeOffset? TimeOrNull() => IntOrNull() is { } v ? StoreValues.FromMicros(v) : null;

    public DateTimeOffset Time() => TimeOrNull() ?? throw Missing();

    public DateOnly Date()
    {
        var i = _index++;
        var utf8 = FastNative.ColumnType(_stmt, i) == raw.SQLITE_NULL ? throw Missing() : FastNative.ColumnBlob(_stmt, i);
        return TryDigits(utf8, out var date) ? date : StoreValues.DateFromText(Encoding.UTF8.GetString(utf8));
    }

    public decimal? DecimalOrNull()
    {
        var i = _index++;
        return FastNative.ColumnType(_stmt, i) == raw.SQLITE_NULL
            ? null
            : decimal.Parse(FastNative.ColumnBlob(_stmt, i), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public decimal Decimal() => DecimalOrNull() ?? throw Missing();

    public TEnum Enum<TEnum>()
        where TEnum : struct, System.Enum => EnumNames<TEnum>.Parse(SharedText());

    public TEnum? EnumOrNull<TEnum>()
        where TEnum : struct, System.Enum => SharedTextOrNull() is { } s ? EnumNames<TEnum>.Parse(s) : null;

    public PropertyBag Properties() => PropertyJson.Read(TextOrNull());

    /// <summary>A <c>yyyy-MM-dd</c> date straight from its UTF-8 bytes (without a string); false for anything else.</summary>
    private static bool TryDigits(ReadOnlySpan<byte> utf8, out DateOnly date)
    {
        date = default;
        if (utf8.Length != 10 || utf8[4] != '-' || utf8[7] != '-')
        {
            return false;
        }

        var (year, month, day) = (Number(utf8[..4]), Number(utf8[5..7]), Number(utf8[8..]));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Number(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var d in digits)
        {
            if (d is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            value = (value * 10) + (d - '0');
        }

        return value;
    }

    private InvalidDataException Missing() =>
        new($"Column {raw.sqlite3_column_name(_stmt, _index - 1).utf8_to_string()} is NULL in the database but required.");
}
