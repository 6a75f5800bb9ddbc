using System.Numerics;
using System.Text;
using Northstar.Core.Storage;

namespace Northstar.Core.Attribution.Journeys;

/// <summary>
/// One reading thread's touch events, each resolved to its actor (its contact id, else the contact
/// its anonymous id is linked to, else the anonymous id) and staged in the part for the partition
/// its actor id hashes to (<see cref="ActorPartition"/>). Ids are kept in arrays, not as a string
/// per event: millions of strings would be the collector's work.
/// </summary>
internal sealed class ActorStaging : IChannelEventReceiver
{
    private readonly LinkedIds _links;
    private readonly StagedPart[] _parts;
    private char[] _key = new char[64];

    /// <param name="links">Anonymous id to contact id.</param>
    /// <param name="partitions">How many partitions (a power of two).</param>
    public ActorStaging(LinkedIds links, int partitions)
    {
        _links = links;
        _parts = new StagedPart[partitions];
        for (var p = 0; p < partitions; p++)
        {
            _parts[p] = new StagedPart();
        }
    }

    /// <summary>The partition an actor id belongs to (of a power of two): FNV-1a over its characters, the top bits of a multiplicative mix.</summary>
    public static int PartitionOf(ReadOnlySpan<char> actorId, int partitions)
    {
        var hash = 2166136261u;
        foreach (var c in actorId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return partitions == 1 ? 0 : (int)((hash * 0x9E3779B1u) >> (32 - BitOperations.Log2((uint)partitions)));
    }

    public StagedPart Part(int partition) => _parts[partition];

    public void Add(in Utf8ChannelEvent channelEvent)
    {
        if (!channelEvent.HasContact && !channelEvent.HasAnonymous)
        {
            return;
        }

        var isContact = channelEvent.HasContact;
        var own = isContact ? channelEvent.ContactId : channelEvent.AnonymousId;
        if (_key.Length < own.Length)
        {
            _key = new char[own.Length * 2];
        }

        ReadOnlySpan<char> key = _key.AsSpan(0, Encoding.UTF8.GetChars(own, _key));
        if (!isContact && _links.TryGetContact(key, out var contact))
        {
            key = contact;
            isContact = true;
        }

        _parts[PartitionOf(key, _parts.Length)].Add(channelEvent.UtcTicks, key, isContact, channelEvent.Id, channelEvent.Channel, channelEvent.Campaign);
    }
}
