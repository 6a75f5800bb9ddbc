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
/// a list per actor: millions of actors with a few touches each.
/// </remarks>
internal sealed class ActorTouches
{
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
    /// Groups <paramref name="events"/> by actor; the contacts <paramref name="converted"/> gives once
    /// the events are read (those with conversions) become actors even without a touch. A touch of the same channel and campaign as the actor's
    /// previous touch, at most <paramref name="sameInteraction"/> after it, is dropped.
    /// </summary>
    public static ActorTouches Build(
        IEnumerable<ChannelEvent> events, IReadOnlyList<IdentityLink> links, Func<IEnumerable<string>> converted, TimeSpan sameInteraction)
    {
        var actors = new ActorIds(links);
        var raw = new RawTouches();
        var (lastId, lastIsContact, lastActor) = ((string?)null, false, -1);
        foreach (var e in events)
        {
            var id = e.ContactId ?? e.AnonymousId;
            if (id is null)
            {
                continue;
            }

            // A store hands one actor's run of events the same id string: one lookup per run.
            var isContact = e.ContactId is not null;
            if (!ReferenceEquals(id, lastId) || isContact != lastIsContact)
            {
                (lastId, lastIsContact, lastActor) = (id, isContact, isContact ? actors.Contact(id) : actors.Anonymous(id));
            }

            raw.Add(lastActor, e.Timestamp.UtcTicks, e.Id, e.Channel, e.Campaign);
        }

        foreach (var contact in converted())
        {
            actors.Contact(contact);
        }

        return Merge(actors, raw, sameInteraction.Ticks);
    }

    private static ActorTouches Merge(ActorIds actors, RawTouches raw, long sameInteraction)
    {
        var order = raw.ByActorThenTime(actors.Count, out var rawStarts);
        var starts = new int[actors.Count + 1];
        var (ticks, channels, campaigns) = (new long[raw.Count], new string[raw.Count], new string?[raw.Count]);
        var kept = 0;
        for (var a = 0; a < actors.Count; a++)
        {
            starts[a] = kept;
            for (var i = rawStarts[a]; i < rawStarts[a + 1]; i++)
            {
                var at = order[i];
                if (i > rawStarts[a])
                {
                    var previous = order[i - 1];
                    if (raw.Ticks[at] - raw.Ticks[previous] <= sameInteraction
                        && string.Equals(raw.Channels[at], raw.Channels[previous], StringComparison.Ordinal)
                        && string.Equals(raw.Campaigns[at], raw.Campaigns[previous], StringComparison.Ordinal))
                    {
                        continue;
                    }
                }

                (ticks[kept], channels[kept], campaigns[kept]) = (raw.Ticks[at], raw.Channels[at], raw.Campaigns[at]);
                kept++;
            }
        }

        starts[actors.Count] = kept;
        return new ActorTouches(actors, starts, ticks, channels, campaigns);
    }
}
