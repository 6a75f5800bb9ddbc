using Northstar.Core.Facts;
using Northstar.Core.Metrics;

namespace Northstar.Core.Attribution.Journeys;

/// <summary>How journeys are cut from the facts (by JourneyBuilder).</summary>
public sealed record JourneyOptions
{
    /// <summary>What a journey runs up to.</summary>
    public required ConversionGoal Conversion { get; init; }

    /// <summary>Touches older than this many days before the conversion (or the journey's end) are left out.</summary>
    public int LookbackDays { get; init; } = 90;

    /// <summary>Which event types are touchpoints (of those, only events that have a channel).</summary>
    public IReadOnlySet<EventType> TouchTypes { get; init; } = DefaultTouchTypes;

    /// <summary>
    /// A touch of the same channel and campaign as the actor's previous touch, at most this long
    /// after it, is the same interaction (an email or ad click and the visit it opens) and is not
    /// a touch of its own. 30 minutes by default; zero merges only touches of the same instant.
    /// </summary>
    public TimeSpan SameInteraction { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Conversions counted: those on a day of this range (workspace time zone); non-converting
    /// journeys are those active in it that had not converted by its end. Null: all time.
    /// </summary>
    public DateRange? Period { get; init; }

    /// <summary>
    /// Engagements that carry a channel: visits, ad and email clicks, social and video
    /// engagement. Sends, opens and impressions are not touches by default.
    /// </summary>
    public static IReadOnlySet<EventType> DefaultTouchTypes { get; } = new HashSet<EventType>
    {
        EventType.SessionStart, EventType.AdClick, EventType.EmailClick, EventType.SocialEngaged, EventType.VideoEngaged,
    };
}
