using Northstar.Core.Facts;
using Npgsql;
using NpgsqlTypes;

namespace Northstar.Storage.Postgres.Tables;

/// <summary>
/// Writes one value into a binary COPY row and reads it back, at the store's precision
/// (IFactStore remarks): instants as UTC microseconds (the part below dropped, not rounded),
/// decimals without trailing zeros, properties as alternating names and values.
/// </summary>
internal static class Cells
{
    public static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, NpgsqlDbType.Text);
        }
    }

    public static void Time(NpgsqlBinaryImporter w, DateTimeOffset value) => w.Write(Micro(value).UtcDateTime, NpgsqlDbType.TimestampTz);

    public static void Time(NpgsqlBinaryImporter w, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            Time(w, v);
        }
        else
        {
            w.WriteNull();
        }
    }

    public static void Date(NpgsqlBinaryImporter w, DateOnly value) => w.Write(value, NpgsqlDbType.Date);

    public static void Decimal(NpgsqlBinaryImporter w, decimal? value)
    {
        if (value is { } v)
        {
            w.Write(Trim(v), NpgsqlDbType.Numeric);
        }
        else
        {
            w.WriteNull();
        }
    }

    public static void Short(NpgsqlBinaryImporter w, int value) => w.Write((short)value, NpgsqlDbType.Smallint);

    public static void Short(NpgsqlBinaryImporter w, int? value)
    {
        if (value is { } v)
        {
            Short(w, v);
        }
        else
        {
            w.WriteNull();
        }
    }

    public static void Long(NpgsqlBinaryImporter w, long? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Bigint);
        }
        else
        {
            w.WriteNull();
        }
    }

    public static void Bool(NpgsqlBinaryImporter w, bool? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Boolean);
        }
        else
        {
            w.WriteNull();
        }
    }

    public static void Props(NpgsqlBinaryImporter w, PropertyBag props)
    {
        if (props.Count == 0)
        {
            w.WriteNull();
            return;
        }

        var flat = new string[props.Count * 2];
        for (var i = 0; i < props.Count; i++)
        {
            flat[2 * i] = props[i].Key;
            flat[(2 * i) + 1] = props[i].Value;
        }

        w.Write(flat, NpgsqlDbType.Array | NpgsqlDbType.Text);
    }

    public static PropertyBag ReadProps(NpgsqlDataReader r, int ordinal)
    {
        if (r.IsDBNull(ordinal))
        {
            return PropertyBag.Empty;
        }

        var flat = r.GetFieldValue<string[]>(ordinal);
        var pairs = new KeyValuePair<string, string>[flat.Length / 2];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = KeyValuePair.Create(flat[2 * i], flat[(2 * i) + 1]);
        }

        return PropertyBag.From(pairs);
    }

    public static decimal? ReadDecimal(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : Trim(r.GetDecimal(ordinal));

    public static short? ReadShort(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetInt16(ordinal);

    public static long? ReadLong(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetInt64(ordinal);

    public static bool? ReadBool(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetBoolean(ordinal);

    /// <summary>The instant as stored: UTC, whole microseconds (the part below dropped towards the past).</summary>
    public static DateTimeOffset Micro(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    public static DateTimeOffset? Micro(DateTimeOffset? value) => value is { } v ? Micro(v) : null;

    /// <summary>The same value without trailing zeros (1.50 → 1.5).</summary>
    public static decimal Trim(decimal value) => value / 1.0000000000000000000000000000m;
}
