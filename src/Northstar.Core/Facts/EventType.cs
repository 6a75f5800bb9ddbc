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
}
