using System.Globalization;
using Northstar.Core.Facts;

namespace Northstar.Storage.Sqlite.Sql;

/// <summary>
/// Writes one row's values, in parameter order, into a <see cref="RowBuffer"/> (which binds
/// them later, possibly on another thread). Strings are encoded to UTF-8 there and then; NULL
/// slots cost nothing at bind time (the buffer clears a statement's bindings in one call).
/// </summary>
internal sealed class RowBinder
{
    private RowBuffer _rows = null!;
    private int _slot;
    private int _end;

    /// <summary>Starts a new row in <paramref name="rows"/>; its first value is parameter 1.</summary>
    public RowBinder Start(RowBuffer rows)
    {
        _rows = rows;
        _slot = rows.AddRow();
        _end = _slot + rows.Width;
        return this;
    }

    public void Text(string? value)
    {
        var slot = Next();
        if (value is not null)
        {
            _rows.SetText(slot, value);
        }
    }

    /// <summary>Text already encoded (enum names are encoded once).</summary>
    public void Utf8(ReadOnlySpan<byte> value) => _rows.SetUtf8(Next(), value);

    public void Int(long? value)
    {
        var slot = Next();
        if (value is { } v)
        {
            _rows.SetInt(slot, v);
        }
    }

    public void Real(double value) => _rows.SetReal(Next(), value);

    public void Bool(bool? value) => Int(value is { } b ? (b ? 1 : 0) : null);

    public void Time(DateTimeOffset? value) => Int(value is { } t ? StoreValues.ToMicros(t) : null);

    public void Date(DateOnly value) => Text(StoreValues.ToText(value));

    public void Decimal(decimal? value) =>
        Text(value is { } d ? StoreValues.Normalize(d).ToString(CultureInfo.InvariantCulture) : null);

    public void Enum<TEnum>(TEnum value)
        where TEnum : struct, System.Enum => Utf8(SnakeCaseNames<TEnum>.Utf8Name(value));

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

    private int Next() =>
        _slot < _end ? _slot++ : throw new InvalidOperationException("The row has more values than its table has parameters.");
}
