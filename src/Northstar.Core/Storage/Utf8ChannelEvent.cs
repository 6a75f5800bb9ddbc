namespace Northstar.Core.Storage;

/// <summary>
/// A <see cref="ChannelEvent"/> as a store decodes it, its ids still UTF-8 (valid only during the
/// <see cref="IChannelEventReceiver.Add"/> call that carries it): the parallel journey read hands
/// these on without a string per event.
/// </summary>
public readonly ref struct Utf8ChannelEvent
{
    /// <summary>Creates the event; an id absent on the event is passed as <c>has… = false</c> (an empty span may be a present, empty id).</summary>
    public Utf8ChannelEvent(
        long utcTicks, ReadOnlySpan<byte> id, ReadOnlySpan<byte> contactId, bool hasContact,
        ReadOnlySpan<byte> anonymousId, bool hasAnonymous, string channel, string? campaign)
    {
        UtcTicks = utcTicks;
        Id = id;
        ContactId = contactId;
        HasContact = hasContact;
        AnonymousId = anonymousId;
        HasAnonymous = hasAnonymous;
        Channel = channel;
        Campaign = campaign;
    }

    /// <summary>When, as UTC ticks.</summary>
    public long UtcTicks { get; }

    /// <summary>The event id, UTF-8 (orders events of the same instant, by bytes).</summary>
    public ReadOnlySpan<byte> Id { get; }

    /// <summary>The event's own contact id, UTF-8 (meaningful when <see cref="HasContact"/>).</summary>
    public ReadOnlySpan<byte> ContactId { get; }

    /// <summary>Whether the event has a contact id.</summary>
    public bool HasContact { get; }

    /// <summary>The event's anonymous id, UTF-8 (meaningful when <see cref="HasAnonymous"/>).</summary>
    public ReadOnlySpan<byte> AnonymousId { get; }

    /// <summary>Whether the event has an anonymous id.</summary>
    public bool HasAnonymous { get; }

    /// <summary>The channel group (never null).</summary>
    public string Channel { get; }

    /// <summary>The campaign, if any.</summary>
    public string? Campaign { get; }
}
