using System.Text;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Storage;

namespace Northstar.Core.Attribution.Journeys;

/// <summary>
/// Every actor's touches, identity-resolved, in time order, with repeats of one interaction
/// merged: actor <c>a</c>'s touches are the entries <c>[Starts[a], Starts[a + 1])</c> of
/// <see cref="Ticks"/>, <see cref="Channels"/> and <see cref="Campaigns"/> (longer than the
/// touches: the entries past the last actor's are unused).
/// </summary>
/// <remarks>
/// An actor is a contact (an event's own contact id, else the contact its anonymous id is linked
/// to, before or after the link) or an anonymous id never linked to a contact. Columns instead of
/// a list per actor: millions of actors with a few touches each. Built in two parallel steps: the
/// reading threads resolve and stage their events (<see cref="ActorStaging"/>), then
/// <see cref="Partitions"/> partitions by actor hash group them (<see cref="ActorPartition"/>).
/// </remarks>
internal sealed class ActorTouches
{
    /// <summary>Actor partitions (a power of two): enough to keep every core busy on uneven ones.</summary>
    private const int Partitions = 64;

    private ActorTouches(ActorIds actors, int[] starts, long[] ticks, string[] channels, string?[] campaigns)
    {
        (Actors, Starts, Ticks, Channels, Campaigns) = (actors, starts, ticks, channels, campaigns);
    }

    public ActorIds Actors { get; }

    public int[] Starts { get; }

    public long[] Ticks { get; }

    public string[] Channels { get; }

    public string?[] Campaigns { get; }

    /// <summary>
    /// Groups the events <paramref name="read"/> hands to the receivers it asks for (each on one
    /// thread at a time) by actor; the contacts <paramref name="converted"/> gives once the events
    /// are read (those with conversions) become actors even without a touch. A touch of the same
    /// channel and campaign as the actor's previous event, at most <paramref name="sameInteraction"/>
    /// after it, is dropped.
    /// </summary>
    public static ActorTouches Build(
        Action<Func<IChannelEventReceiver>> read, IReadOnlyList<IdentityLink> links, Func<IEnumerable<string>> converted, TimeSpan sameInteraction)
    {
        var linked = new LinkedIds(links);

        var stagings = new List<ActorStaging>();
        read(() =>
        {
            var staging = new ActorStaging(linked, Partitions);
            lock (stagings)
            {
                stagings.Add(staging);
            }

            return staging;
        });
        var convertedBy = Enumerable.Range(0, Partitions).Select(_ => new List<string>()).ToArray();
        foreach (var contact in converted())
        {
            convertedBy[ActorStaging.PartitionOf(contact, Partitions)].Add(contact);
        }

        var parts = new ActorPartition[Partitions];
        Parallel.For(0, Partitions, p => parts[p] = ActorPartition.Build([.. stagings.Select(s => s.Part(p))], convertedBy[p], sameInteraction.Ticks));
        return Join(parts);
    }

    /// <summary>Hands every event of <paramref name="events"/> to one receiver, its ids as UTF-8 (the read of a store without a parallel one).</summary>
    public static void Feed(IEnumerable<ChannelEvent> events, IChannelEventReceiver receiver)
    {
        var (id, contact, anonymous) = (new byte[64], new byte[64], new byte[64]);
        foreach (var e in events)
        {
            var idLength = Utf8(e.Id, ref id);
            var contactLength = Utf8(e.ContactId, ref contact);
            var anonymousLength = Utf8(e.AnonymousId, ref anonymous);
            receiver.Add(new Utf8ChannelEvent(
                e.Timestamp.UtcTicks, id.AsSpan(0, idLength), contact.AsSpan(0, contactLength), e.ContactId is not null,
                anonymous.AsSpan(0, anonymousLength), e.AnonymousId is not null, e.Channel, e.Campaign));
        }
    }

    private static int Utf8(string? text, ref byte[] buffer)
    {
        if (text is null)
        {
            return 0;
        }

        var length = Encoding.UTF8.GetByteCount(text);
        if (buffer.Length < length)
        {
            buffer = new byte[length * 2];
        }

        return Encoding.UTF8.GetBytes(text, buffer);
    }

    /// <summary>The partitions' actors one after another (partition order), their columns copied in on every core.</summary>
    private static ActorTouches Join(ActorPartition[] parts)
    {
        var (actorBase, touchBase) = (new int[parts.Length + 1], new int[parts.Length + 1]);
        for (var p = 0; p < parts.Length; p++)
        {
            actorBase[p + 1] = actorBase[p] + parts[p].Ids.Count;
            touchBase[p + 1] = touchBase[p] + parts[p].TouchCount;
        }

        var (ids, isContact, starts) = (new string[actorBase[^1]], new bool[actorBase[^1]], new int[actorBase[^1] + 1]);
        var (ticks, channels, campaigns) = (new long[touchBase[^1]], new string[touchBase[^1]], new string?[touchBase[^1]]);
        Parallel.For(0, parts.Length, p =>
        {
            var part = parts[p];
            for (var a = 0; a < part.Ids.Count; a++)
            {
                (ids[actorBase[p] + a], isContact[actorBase[p] + a]) = (part.Ids[a], part.IsContact[a]);
                starts[actorBase[p] + a] = touchBase[p] + part.Starts[a];
            }

            part.Ticks.AsSpan(0, part.TouchCount).CopyTo(ticks.AsSpan(touchBase[p]));
            part.Channels.AsSpan(0, part.TouchCount).CopyTo(channels.AsSpan(touchBase[p]));
            part.Campaigns.AsSpan(0, part.TouchCount).CopyTo(campaigns.AsSpan(touchBase[p]));
        });
        starts[^1] = touchBase[^1];
        return new ActorTouches(new ActorIds(ids, isContact), starts, ticks, channels, campaigns);
    }
}
