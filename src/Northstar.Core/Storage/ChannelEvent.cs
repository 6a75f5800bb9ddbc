using Northstar.Core.Facts;

namespace Northstar.Core.Storage;

/// <summary>
/// An event that carries a channel, with only the fields attribution journeys read
/// (<see cref="IFactStore.ReadChannelEvents"/>): who, when, through which channel and campaign.
/// </summary>
/// <param name="Timestamp">When (UTC).</param>
/// <param name="Id">The event id (orders events of the same instant).</param>
/// <param name="Type">The event type.</param>
/// <param name="ContactId">The event's own contact id, if any.</param>
/// <param name="AnonymousId">The event's anonymous id, if any.</param>
/// <param name="Channel">The channel group (never null).</param>
/// <param name="Campaign">The campaign, if any.</param>
public readonly record struct ChannelEvent(
    DateTimeOffset Timestamp,
    string Id,
    EventType Type,
    string? ContactId,
    string? AnonymousId,
    string Channel,
    string? Campaign)
{
    /// <summary>
    /// The events of <paramref name="events"/> whose type is one of <paramref name="types"/>, that have
    /// a channel and lie in [<paramref name="from"/>, <paramref name="until"/>) (open ends when null):
    /// the reference every faster store read must equal (as a set: the order is free).
    /// </summary>
    public static IEnumerable<ChannelEvent> Select(
        IEnumerable<EventFact> events, IReadOnlySet<EventType> types, DateTimeOffset? from, DateTimeOffset? until)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(types);
        foreach (var fact in events)
        {
            if (fact.Channel is { } channel && types.Contains(fact.Type)
                && (from is null || fact.Timestamp >= from) && (until is null || fact.Timestamp < until))
            {
                yield return new ChannelEvent(fact.Timestamp, fact.Id, fact.Type, fact.ContactId, fact.AnonymousId, channel, fact.Campaign);
            }
        }
    }
}
