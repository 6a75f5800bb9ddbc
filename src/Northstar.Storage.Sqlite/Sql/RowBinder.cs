using System.Globalization;
using System.Text;
using Northstar.Core.Facts;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Sql;

/// <summary>
/// Binds one row's values to consecutive parameters of a prepared statement through the native
/// API (much cheaper per value than command parameters). Strings are encoded into one reused
/// buffer: SQLite copies bound text at once, so the buffer is free again after each call.
/// <see cref="Start"/> clears the previous row's bindings in one call, so a NULL costs nothing
/// (narrow rows are mostly NULLs, and every native call has a fixed cost).
/// </summary>
internal sealed class RowBinder
{
    private byte[] _scratch = new byte[256];
    private sqlite3_stmt _stmt = null!;
    private int _index;
    private int _limit;

    /// <summary>
    /// Sets every parameter of <paramref name="stmt"/> to NULL and starts binding at parameter
    /// <paramref name="first"/>; parameters past the statement's last are skipped.
    /// </summary>
    public RowBinder Start(sqlite3_stmt stmt, int first)
    {
        if (!ReferenceEquals(stmt, _stmt))
        {
            _stmt = stmt;
            _limit = raw.sqlite3_bind_parameter_count(stmt);
        }

        FastNative.ClearBindings(stmt);
        _index = first;
        return this;
    }

    public void Text(string? value)
    {
        if (Next() is not { } i || value is null)
        {
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _scratch.Length)
        {
            _scratch = new byte[Math.Max(max, _scratch.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _scratch);
        FastNative.BindText(_stmt, i, _scratch.AsSpan(0, length));
    }

    /// <summary>Binds text already encoded (enum names are encoded once).</summary>
    public void Utf8(byte[] value)
    {
        if (Next() is { } i)
        {
            FastNative.BindText(_stmt, i, value);
        }
    }

    public void Int(long? value)
    {
        if (Next() is { } i)
        {
            if (value is { } v)
            {
                FastNative.BindInt64(_stmt, i, v);
            }
        }
    }

    public void Real(double value)
    {
        if (Next() is { } i)
        {
            FastNative.BindDouble(_stmt, i, value);
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
