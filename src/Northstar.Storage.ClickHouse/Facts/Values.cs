using System.Globalization;
using Northstar.Core.Facts;
using Northstar.Storage.ClickHouse.Client;

namespace Northstar.Storage.ClickHouse.Facts;

/// <summary>How fact values are stored: the precision rules of IFactStore's remarks, in ClickHouse types.</summary>
internal static class Values
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    /// <summary>An instant as Int64 microseconds since the Unix epoch, UTC (18.16 has no DateTime64); the part below a microsecond dropped.</summary>
    public static long Micros(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks - UnixEpochTicks;
        return ticks >= 0 ? ticks / 10 : -((-ticks + 9) / 10);
    }

    public static DateTimeOffset Instant(long micros) => new(UnixEpochTicks + (micros * 10), TimeSpan.Zero);

    /// <summary>A decimal as exact invariant text without trailing zeros (1.50 is "1.5").</summary>
    public static string DecimalText(decimal value) =>
        (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static decimal ParseDecimal(string text) => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    public static void Instant(RowBinaryWriter w, DateTimeOffset? value)
    {
        if (w.NullFlag(value.HasValue))
        {
            w.Int64(Micros(value!.Value));
        }
    }

    public static DateTimeOffset? Instant(RowBinaryReader r) => r.HasValue() ? Instant(r.Int64()) : null;

    public static void Decimal(RowBinaryWriter w, decimal? value) => w.NullableString(value is { } d ? DecimalText(d) : null);

    public static decimal? Decimal(RowBinaryReader r) => r.NullableString() is { } text ? ParseDecimal(text) : null;

    public static void Bool(RowBinaryWriter w, bool? value)
    {
        if (w.NullFlag(value.HasValue))
        {
            w.Bool(value!.Value);
        }
    }

    public static bool? Bool(RowBinaryReader r) => r.HasValue() ? r.Bool() : null;

    public static void Long(RowBinaryWriter w, long? value)
    {
        if (w.NullFlag(value.HasValue))
        {
            w.Int64(value!.Value);
        }
    }

    public static long? Long(RowBinaryReader r) => r.HasValue() ? r.Int64() : null;

    public static void Enum<TEnum>(RowBinaryWriter w, TEnum value)
        where TEnum : struct, Enum => w.String(SnakeCaseNames<TEnum>.Name(value));

    public static TEnum Enum<TEnum>(RowBinaryReader r)
        where TEnum : struct, Enum
    {
        var name = r.String();
        return SnakeCaseNames<TEnum>.TryParse(name, out var value)
            ? value
            : throw new InvalidDataException($"'{name}' is not a {typeof(TEnum).Name}.");
    }

    /// <summary>Properties as two parallel arrays (names, values): 18.16 has no Map type.</summary>
    public static void Properties(RowBinaryWriter w, PropertyBag bag)
    {
        w.VarUInt((ulong)bag.Count);
        foreach (var (name, _) in bag)
        {
            w.String(name);
        }

        w.VarUInt((ulong)bag.Count);
        foreach (var (_, value) in bag)
        {
            w.String(value);
        }
    }

    public static PropertyBag Properties(RowBinaryReader r)
    {
        var count = (int)r.VarUInt();
        if (count == 0)
        {
            r.VarUInt();
            return PropertyBag.Empty;
        }

        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = r.String();
        }

        r.VarUInt();
        var pairs = new KeyValuePair<string, string>[count];
        for (var i = 0; i < count; i++)
        {
            pairs[i] = new(names[i], r.String());
        }

        return PropertyBag.From(pairs);
    }
}
