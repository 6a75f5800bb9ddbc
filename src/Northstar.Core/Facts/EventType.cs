namespace Northstar.Core.Facts;

/// <summary>Tracked interaction types (IMPORT.md). Stored by name, so the order is free to change.</summary>
public enum EventType
{
    SessionStart,
    PageView,
    CtaView,
    CtaClick,
    FormStart,
    FormField,
    FormSubmit,
    EmailSent,
    EmailOpen,
    EmailClick,
    EmailReply,
    MeetingBooked,
    VideoEngaged,
    SocialEngaged,
    ContentUsed,
    AdImpression,
    AdClick,

    /// <summary>
    /// An identify or alias call of the tracking API: carries an anonymous id and the contact id
    /// it belongs to, so the identity view links them. Not a touch, counted by no KPI.
    /// </summary>
    Identify,

    /// <summary>A named tracking event with no mapping to the types above; its name is in the property <c>event</c>.</summary>
    Custom,
}
