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
/// thread: it keeps the strings of the channel and campaign values (a few hundred over millions of
/// events, <see cref="RecentStrings"/>) and, for the string read, reuses the previous event's
/// actor ids when the next repeats them.
/// </summary>
internal sealed class ChannelRowDecoder(IReadOnlySet<EventType> types, long fromMicros, long untilMicros)
{
    private readonly (byte[] Name, EventType Type)[] _wanted =
        [.. types.Select(t => (SnakeCaseNames<EventType>.Utf8Name(t).ToArray(), t))];

    private readonly RecentStrings _recent = new();
    private readonly SegmentRows _rows = new();
    private readonly RepeatedText _anonymous = new();
    private readonly RepeatedText _contact = new();
    private List<ChannelEvent>? _found;

    /// <summary>A list this thread's decoding reuses (the caller's to clear).</summary>
    public List<ChannelEvent> Found => _found ??= new(EventSegment.Rows);

    /// <summary>Adds the wanted live events of the stored blob to <paramref name="into"/>.</summary>
    public void Decode(byte[] blob, int length, ReadOnlySpan<byte> dead, List<ChannelEvent> into)
    {
        _rows.Load(blob, length);
        for (var slot = 0; slot < _rows.Count; slot++)
        {
            var row = _rows.Row(slot);
            if (!DeadSlots.IsDead(dead, slot) && Fields(row) is { } f)
            {
                into.Add(new ChannelEvent(
                    StoreValues.FromMicros(f.Micros), Encoding.UTF8.GetString(Text(row, f.Id)), f.Type,
                    f.Contact.IsNull ? null : _contact.Get(Text(row, f.Contact)),
                    f.Anonymous.IsNull ? null : _anonymous.Get(Text(row, f.Anonymous)),
                    _recent.Get(Text(row, f.Channel)), f.Campaign.IsNull ? null : _recent.Get(Text(row, f.Campaign))));
            }
        }
    }

    /// <summary>Hands the wanted live events of the stored blob to <paramref name="receiver"/>, ids as UTF-8 (no string per event).</summary>
    public void Decode(byte[] blob, int length, ReadOnlySpan<byte> dead, IChannelEventReceiver receiver)
    {
        _rows.Load(blob, length);
        for (var slot = 0; slot < _rows.Count; slot++)
        {
            var row = _rows.Row(slot);
            if (!DeadSlots.IsDead(dead, slot) && Fields(row) is { } f)
            {
                receiver.Add(new Utf8ChannelEvent(
                    StoreValues.FromMicros(f.Micros).UtcTicks, Text(row, f.Id),
                    Text(row, f.Contact), !f.Contact.IsNull, Text(row, f.Anonymous), !f.Anonymous.IsNull,
                    _recent.Get(Text(row, f.Channel)), f.Campaign.IsNull ? null : _recent.Get(Text(row, f.Campaign))));
            }
        }
    }

    /// <summary>The fields of a wanted event in range that has a channel and an id; null for any other row.</summary>
    private RowFields? Fields(ReadOnlySpan<byte> row)
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
        return channel.IsNull || id.IsNull ? null : new RowFields(micros, type, id, anonymous, contact, campaign, channel);
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
        var prefix = EventRowCodec.Prefix(row, ref at);
        if (prefix == 0)
        {
            return new Field(-1, 0);
        }

        var field = new Field(at, prefix - 1);
        at += prefix - 1;
        return field;
    }

    private readonly record struct RowFields(long Micros, EventType Type, Field Id, Field Anonymous, Field Contact, Field Campaign, Field Channel);

    private readonly record struct Field(int Start, int Length)
    {
        public bool IsNull => Start < 0;
    }
}
