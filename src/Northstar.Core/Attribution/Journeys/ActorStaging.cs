using System.Text;
using Northstar.Core.Storage;

namespace Northstar.Core.Attribution.Journeys;

/// <summary>
/// One reading thread's touch events, each resolved to its actor (its contact id, else the contact
/// its anonymous id is linked to, else the anonymous id) and hashed to the partition that groups
/// that actor's events (<see cref="ActorPartition"/>). Ids are kept in two arrays, not as a
/// string per event: millions of strings would be the collector's work.
/// </summary>
internal sealed class ActorStaging(Dictionary<string, string> links) : IChannelEventReceiver
{
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _links =
        links.GetAlternateLookup<ReadOnlySpan<char>>();

    private StagedTouch[] _touches = new StagedTouch[1024];
    private char[] _keys = new char[1 << 13];
    private int _keysLength;
    private byte[] _ids = new byte[1 << 13];
    private int _idsLength;

    public int Count { get; private set; }

    public StagedTouch[] Touches => _touches;

    /// <summary>Positions of the touches by partition (set by <see cref="Bucket"/>): partition p's are <c>[BucketStarts[p], BucketStarts[p + 1])</c>.</summary>
    public int[] ByPartition { get; private set; } = [];

    public int[] BucketStarts { get; private set; } = [];

    public ReadOnlySpan<char> Key(in StagedTouch touch) => _keys.AsSpan(touch.KeyStart, touch.KeyLength);

    public ReadOnlySpan<byte> Id(in StagedTouch touch) => _ids.AsSpan(touch.IdStart, touch.IdLength);

    public void Add(in Utf8ChannelEvent channelEvent)
    {
        if (!channelEvent.HasContact && !channelEvent.HasAnonymous)
        {
            return;
        }

        var isContact = channelEvent.HasContact;
        var own = isContact ? channelEvent.ContactId : channelEvent.AnonymousId;

        if (Count == _touches.Length)
        {
            Array.Resize(ref _touches, _touches.Length * 2);
        }

        ref var touch = ref _touches[Count++];
        (touch.KeyStart, touch.KeyLength) = (_keysLength, Chars(own));
        if (!isContact && _links.TryGetValue(_keys.AsSpan(_keysLength, touch.KeyLength), out var contact))
        {
            (touch.KeyLength, isContact) = (contact.Length, true);
            Ensure(ref _keys, _keysLength + contact.Length);
            contact.CopyTo(_keys.AsSpan(_keysLength));
        }

        _keysLength += touch.KeyLength;
        Ensure(ref _ids, _idsLength + channelEvent.Id.Length);
        channelEvent.Id.CopyTo(_ids.AsSpan(_idsLength));
        (touch.IdStart, touch.IdLength) = (_idsLength, channelEvent.Id.Length);
        _idsLength += channelEvent.Id.Length;
        touch.Hash = string.GetHashCode(Key(touch));
        (touch.Ticks, touch.IsContact, touch.Channel, touch.Campaign) = (channelEvent.UtcTicks, isContact, channelEvent.Channel, channelEvent.Campaign);
    }

    /// <summary>Groups the touch positions by partition (<c>hash &amp; (partitions - 1)</c>, a power of two): a counting sort.</summary>
    public void Bucket(int partitions)
    {
        var starts = new int[partitions + 1];
        for (var i = 0; i < Count; i++)
        {
            starts[(_touches[i].Hash & (partitions - 1)) + 1]++;
        }

        for (var p = 0; p < partitions; p++)
        {
            starts[p + 1] += starts[p];
        }

        var next = starts[..^1];
        var order = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            order[next[_touches[i].Hash & (partitions - 1)]++] = i;
        }

        (ByPartition, BucketStarts) = (order, starts);
    }

    /// <summary>Decodes <paramref name="utf8"/> at the end of the key array; returns its length in chars.</summary>
    private int Chars(ReadOnlySpan<byte> utf8)
    {
        Ensure(ref _keys, _keysLength + utf8.Length);
        return Encoding.UTF8.GetChars(utf8, _keys.AsSpan(_keysLength));
    }

    private static void Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            Array.Resize(ref array, Math.Max(length, array.Length * 2));
        }
    }
}
