using System.Text;
using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Storage.Sqlite.Events;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Journeys;

/// <summary>
/// Decodes from a segment only the events a journey reads (<see cref="ChannelEvent"/>): the time
/// and type first, and the rest only when the type is wanted, the time in range and the channel
/// set; session, source and medium are skipped unread, the later fields never reached. One per
/// thread: it keeps a pool of channel and campaign strings (a few hundred values over millions of
/// events) and reuses the previous event's actor ids when the next repeats them.
/// </summary>
internal sealed class ChannelRowDecoder(IReadOnlySet<EventType> types, long fromMicros, long untilMicros)
{
    private readonly (byte[] Name, EventType Type)[] _wanted =
        [.. types.Select(t => (SnakeCaseNames<EventType>.Utf8Name(t).ToArray(), t))];

    private readonly StringPool _pool = new();
    private readonly SegmentRows _rows = new();
    private readonly RepeatedText _anonymous = new();
    private readonly RepeatedText _contact = new();

    /// <summary>A list this thread's decoding reuses (the caller's to clear).</summary>
    public List<ChannelEvent> Found { get; } = new(EventSegment.Rows);

    /// <summary>Adds the wanted live events of the stored blob to <paramref name="into"/>.</summary>
    public void Decode(byte[] blob, int length, ReadOnlySpan<byte> dead, List<ChannelEvent> into)
    {
        _rows.Load(blob, length);
        for (var slot = 0; slot < _rows.Count; slot++)
        {
            if (!DeadSlots.IsDead(dead, slot) && Decode(_rows.Row(slot)) is { } found)
            {
                into.Add(found);
            }
        }
    }

    private ChannelEvent? Decode(ReadOnlySpan<byte> row)
    {
        var micros = EventRowCodec.Micros(row);
        var at = 8;
        if (micros < fromMicros || micros >= untilMicros || Wanted(Text(row, Next(row, ref at))) is not { } type)
        {
            return null;
        }

        var id = Next(row, ref at);
        var anonymous = Next(row, ref at);
        var contact = Next(row, ref at);
        for (var skipped = 0; skipped < 3; skipped++)
        {
            Next(row, ref at); // session, source, medium
        }

        var campaign = Next(row, ref at);
        var channel = Next(row, ref at);
        if (channel.IsNull || id.IsNull)
        {
            return null;
        }

        return new ChannelEvent(
            StoreValues.FromMicros(micros), Encoding.UTF8.GetString(Text(row, id)), type,
            contact.IsNull ? null : _contact.Get(Text(row, contact)),
            anonymous.IsNull ? null : _anonymous.Get(Text(row, anonymous)),
            _pool.Get(Text(row, channel)), campaign.IsNull ? null : _pool.Get(Text(row, campaign)));
    }

    private EventType? Wanted(ReadOnlySpan<byte> name)
    {
        foreach (var (bytes, type) in _wanted)
        {
            if (name.SequenceEqual(bytes))
            {
                return type;
            }
        }

        return null;
    }

    private static ReadOnlySpan<byte> Text(ReadOnlySpan<byte> row, Field field) => field.IsNull ? [] : row.Slice(field.Start, field.Length);

    /// <summary>The next field: a varint of (UTF-8 length + 1), 0 for NULL, then the bytes.</summary>
    private static Field Next(ReadOnlySpan<byte> row, ref int at)
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

        if (prefix == 0)
        {
            return new Field(-1, 0);
        }

        var field = new Field(at, prefix - 1);
        at += prefix - 1;
        return field;
    }

    private readonly record struct Field(int Start, int Length)
    {
        public bool IsNull => Start < 0;
    }
}
