using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Events;

/// <summary>
/// One event as bytes inside a segment: the timestamp (8 bytes, little-endian unix
/// microseconds, first so a segment's time range needs no full decode), then the type name and
/// the seventeen text fields (id first), the value and the properties, each a varint of
/// (UTF-8 length + 1) followed by the bytes, 0 for NULL. Values are normalised as in the rest of
/// the store (microseconds, decimals without trailing zeros, properties as JSON), so two
/// encodings are equal exactly when the stored facts are: that is how a repeated event is
/// told from a changed one. Stored in files: a change needs a new segment format byte.
/// </summary>
internal static class EventRowCodec
{
    public static void Encode(EventFact fact, RowBytes into)
    {
        into.Int64(StoreValues.ToMicros(fact.Timestamp));
        into.Utf8(SnakeCaseNames<EventType>.Utf8Name(fact.Type));
        into.Text(fact.Id);
        into.Text(fact.AnonymousId);
        into.Text(fact.ContactId);
        into.Text(fact.SessionId);
        into.Text(fact.Source);
        into.Text(fact.Medium);
        into.Text(fact.Campaign);
        into.Text(fact.Channel);
        into.Text(fact.LandingPage);
        into.Text(fact.Page);
        into.Text(fact.Referrer);
        into.Text(fact.Cta);
        into.Text(fact.Form);
        into.Text(fact.Field);
        into.Text(fact.Variant);
        into.Text(fact.Asset);
        into.Text(fact.Value is { } d ? StoreValues.Normalize(d).ToString(CultureInfo.InvariantCulture) : null);
        into.Text(PropertyJson.Write(fact.Properties));
    }

    /// <summary>The timestamp of an encoded row, in unix microseconds.</summary>
    public static long Micros(ReadOnlySpan<byte> row) => BinaryPrimitives.ReadInt64LittleEndian(row);

    /// <summary>The UTF-8 id of an encoded row.</summary>
    public static ReadOnlySpan<byte> Id(ReadOnlySpan<byte> row)
    {
        var at = 8;
        Skip(row, ref at);
        var length = Prefix(row, ref at) - 1;
        return row.Slice(at, length);
    }

    public static EventFact Decode(ReadOnlySpan<byte> row)
    {
        var micros = Micros(row);
        var at = 8;
        var type = EnumNames<EventType>.Parse(Next(row, ref at)!);
        return new EventFact
        {
            Timestamp = StoreValues.FromMicros(micros),
            Type = type,
            Id = Next(row, ref at) ?? throw new InvalidDataException("An event in a segment has no id."),
            AnonymousId = Next(row, ref at),
            ContactId = Next(row, ref at),
            SessionId = Next(row, ref at),
            Source = Next(row, ref at),
            Medium = Next(row, ref at),
            Campaign = Next(row, ref at),
            Channel = Next(row, ref at),
            LandingPage = Next(row, ref at),
            Page = Next(row, ref at),
            Referrer = Next(row, ref at),
            Cta = Next(row, ref at),
            Form = Next(row, ref at),
            Field = Next(row, ref at),
            Variant = Next(row, ref at),
            Asset = Next(row, ref at),
            Value = Next(row, ref at) is { } value ? decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) : null,
            Properties = PropertyJson.Read(Next(row, ref at)),
        };
    }

    private static void Skip(ReadOnlySpan<byte> row, ref int at)
    {
        var prefix = Prefix(row, ref at);
        at += Math.Max(prefix - 1, 0);
    }

    /// <summary>A field's length prefix (a varint of UTF-8 length + 1, 0 for NULL), read from <paramref name="at"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Prefix(ReadOnlySpan<byte> row, ref int at)
    {
        var prefix = 0;
        var shift = 0;
        byte b;
        do
        {
            b = row[at++];
            prefix |= (b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);

        return prefix;
    }

    private static string? Next(ReadOnlySpan<byte> row, ref int at)
    {
        var prefix = Prefix(row, ref at);
        if (prefix == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(row.Slice(at, prefix - 1));
        at += prefix - 1;
        return text;
    }
}
