namespace Northstar.Core.Simulation;

/// <summary>One session to simulate: who, when, from where, and how it ends.</summary>
internal sealed record Visit
{
    public required string AnonymousId { get; init; }
    public string? ContactId { get; init; }
    public required ChannelProfile Channel { get; init; }
    public string? Campaign { get; init; }
    public required string LandingPage { get; init; }
    public required DateTimeOffset Start { get; init; }
    public string? Variant { get; init; }
    /// <summary>Whether the first-touch ad impressions and click precede the session.</summary>
    public bool AdClick { get; init; }
    public VisitOutcome Outcome { get; init; }
}
