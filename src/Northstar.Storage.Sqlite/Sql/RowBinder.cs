using System.Globalization;
using System.Text;
using Northstar.Core.Facts;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Sql;

/// <summary>
/// Binds one row's values to consecutive parameters of a prepared statement through the native
/// API (much cheaper per value than command parameters). Strings are encoded into one reused
/// buffer: SQLite copies bound text at once, so the buffer is free again after each call.
/// </summary>
internal sealed class RowBinder
{
    private byte[] _scratch = new byte[256];
    private sqlite3_stmt _stmt = null!;
    private int _index;
    private int _limit;

    /// <summary>Starts binding at parameter <paramref name="first"/>; parameters past the statement's last are skipped.</summary>
    public RowBinder Start(sqlite3_stmt stmt, int first)
    {
        _stmt = stmt;
        _index = first;
        _limit = raw.sqlite3_bind_parameter_count(stmt);
        return this;
    }

    public void Text(string? value)
    {
        if (Next() is not { } i)
        {
            return;
        }

        if (value is null)
        {
            raw.sqlite3_bind_null(_stmt, i);
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _scratch.Length)
        {
            _scratch = new byte[Math.Max(max, _scratch.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _scratch);
        raw.sqlite3_bind_text(_stmt, i, _scratch.AsSpan(0, length));
    }

    /// <summary>Binds text already encoded (enum names are encoded once).</summary>
    public void Utf8(byte[] value)
    {
        if (Next() is { } i)
        {
            raw.sqlite3_bind_text(_stmt, i, value);
        }
    }

    public void Int(long? value)
    {
        if (Next() is { } i)
        {
            _ = value is { } v ? raw.sqlite3_bind_int64(_stmt, i, v) : raw.sqlite3_bind_null(_stmt, i);
        }
    }

    public void Real(double value)
    {
        if (Next() is { } i)
        {
            raw.sqlite3_bind_double(_stmt, i, value);
        }
    }

    public void Bool(bool? value) => Int(value is { } b ? (b ? 1 : 0) : null);

    public void Time(DateTimeOffset? value) => Int(value is { } t ? StoreValues.ToMicros(t) : null);

    public void Date(DateOnly value) => Text(StoreValues.ToText(value));

    public void Decimal(decimal? value) =>
        Text(value is { } d ? StoreValues.Normalize(d).ToString(CultureInfo.InvariantCulture) : null);

    public void Enum<TEnum>(TEnum value)
        where TEnum : struct, System.Enum => Utf8(EnumNames<TEnum>.Utf8(value));

    public void Enum<TEnum>(TEnum? value)
        where TEnum : struct, System.Enum
    {
        if (value is { } v)
        {
            Enum(v);
        }
        else
        {
            Text(null);
        }
    }

    public void Properties(PropertyBag bag) => Text(PropertyJson.Write(bag));

    private int? Next()
    {
        var i = _index++;
        return i <= _limit ? i : null;
    }
}
