using Northstar.Core.Facts;

namespace Northstar.Server.Tracking;

/// <summary>The Segment call types (<c>type</c> of a batch element; the route of a single call).</summary>
internal enum SegmentCall
{
    Track,
    Identify,
    Page,
    Screen,
    Group,
    Alias,
}

/// <summary>
/// One valid tracking call, built by the merge from the journaled body (the request thread only
/// checks it, <see cref="SegmentParser.Check"/>): ids, the corrected timestamp,
/// the page and campaign context, and its properties (track/page/screen) or traits
/// (identify/group) flattened to one level.
/// </summary>
internal sealed record SegmentMessage
{
    public required SegmentCall Call { get; init; }
    public required string MessageId { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public string? UserId { get; init; }
    public string? AnonymousId { get; init; }

    /// <summary>track: the event name; page/screen: the page name.</summary>
    public string? Name { get; init; }

    /// <summary>group: the account id; alias: the previous id.</summary>
    public string? OtherId { get; init; }

    public string? Url { get; init; }
    public string? Path { get; init; }
    public string? Referrer { get; init; }
    public CampaignTags Campaign { get; init; } = CampaignTags.None;

    /// <summary>Properties or traits, one level: nested values as their JSON text. Includes a <c>clock</c> flag when set.</summary>
    public PropertyBag Properties { get; init; } = PropertyBag.Empty;
}

/// <summary>UTM tags: from <c>context.campaign</c>, else the page URL's <c>utm_*</c> parameters.</summary>
internal sealed record CampaignTags(string? Source, string? Medium, string? Name, string? Term, string? Content)
{
    public static CampaignTags None { get; } = new(null, null, null, null, null);

    public bool IsEmpty => Source is null && Medium is null && Name is null;
}
