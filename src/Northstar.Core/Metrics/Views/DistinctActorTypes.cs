using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Views;

/// <summary>
/// The event types whose distinct actors the stores keep per day (for unique visitors, openers,
/// clickers, repliers, form starters and submitters). <see cref="IDerivedViews.CountDistinctActors(Workspaces.Workspace, IReadOnlyCollection{Facts.EventType}, DateRange)"/>
/// accepts only these: keeping every type would cost the import for counts no KPI asks for.
/// </summary>
public static class DistinctActorTypes
{
    public static IReadOnlySet<EventType> All { get; } = new HashSet<EventType>
    {
        EventType.SessionStart, EventType.CtaClick, EventType.FormStart, EventType.FormSubmit,
        EventType.EmailOpen, EventType.EmailClick, EventType.EmailReply, EventType.MeetingBooked,
    };

    /// <summary>Throws when one of <paramref name="types"/> is not kept.</summary>
    public static void Check(IReadOnlyCollection<EventType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        foreach (var type in types)
        {
            if (!All.Contains(type))
            {
                throw new ArgumentException($"Distinct actors are not kept for event type {type}.", nameof(types));
            }
        }
    }
}
