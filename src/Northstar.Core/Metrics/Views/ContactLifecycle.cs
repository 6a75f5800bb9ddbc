using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Views;

/// <summary>
/// One contact's way through the funnel, the derived view that funnel KPIs, cohorts and
/// velocities read. Built from the contact, its stage changes, its account and its events
/// (identity-resolved: the events of every anonymous id linked to the contact count as its own).
/// </summary>
public sealed record ContactLifecycle
{
    public required string ContactId { get; init; }

    /// <summary>
    /// When the contact was first known: its <c>created_at</c>; without one, the earliest of its
    /// stage times and of its own (contact id carrying) events; null if none of them is known.
    /// </summary>
    public DateTimeOffset? FirstKnownAt { get; init; }

    public string? AccountId { get; init; }

    /// <summary>The contact's segment, else its account's.</summary>
    public string? Segment { get; init; }

    public bool? IcpFit { get; init; }

    public string? Owner { get; init; }

    /// <summary>
    /// The earliest touchpoint (a session start, or any event with a channel) of the contact or of
    /// an anonymous id linked to it; null when it has none.
    /// </summary>
    public Touch? FirstTouch { get; init; }

    /// <summary>
    /// The contact's source as the funnel KPIs break it down: the first touch's channel, source,
    /// medium and campaign when there is a first touch, else the contact row's own columns.
    /// </summary>
    public string? Channel { get; init; }

    public string? Source { get; init; }

    public string? Medium { get; init; }

    public string? Campaign { get; init; }

    /// <summary>
    /// The landing page of the contact's first form submission (the page that created it; its own
    /// events and its linked anonymous ids' events, as for <see cref="FirstTouch"/>) when that
    /// event has one, else the first touch's landing page.
    /// </summary>
    public string? LandingPage { get; init; }

    /// <summary>
    /// When the contact entered each stage, indexed by <c>(int)Stage</c> (nine entries, null when
    /// not entered). Skipped stages are filled as KPIS.md says: a stage not recorded but followed
    /// by a recorded later stage (in funnel order lead..customer) counts as entered at the earliest
    /// time of the recorded stages after it. Churned is never filled.
    /// </summary>
    public required IReadOnlyList<DateTimeOffset?> Entered { get; init; }

    /// <summary>When the contact entered the stage (null when it did not).</summary>
    public DateTimeOffset? EnteredAt(Stage stage) => Entered[(int)stage];
}
