using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>
/// One acquisition channel of the demo company, at scale 1 (the simulator multiplies volumes
/// and spend by the run's scale). Daily visitors = monthly[m] x weekday x (organic + reach x
/// (1 - exp(-spend / saturation))): concave in spend, so extra money buys less and less traffic.
/// </summary>
internal sealed record ChannelProfile
{
    public required string Id { get; init; }
    public required string Source { get; init; }
    public required string Medium { get; init; }
    public string? Referrer { get; init; }
    /// <summary>Campaigns sharing the channel's spend and visitors equally; empty when none.</summary>
    public string[] Campaigns { get; init; } = [];
    public required string[] LandingPages { get; init; }
    /// <summary>Planned spend per day at scale 1, before seasonality and growth.</summary>
    public double DailySpend { get; init; }
    /// <summary>Share of the spend by kind; sums to 1 when the channel spends at all.</summary>
    public (SpendKind Kind, double Share)[] SpendMix { get; init; } = [];
    public double OrganicVisitors { get; init; }
    public double ReachVisitors { get; init; }
    public double Saturation { get; init; } = 1;
    /// <summary>Ad click-through rate (clicks / impressions) for paid channels; 0 when not paid.</summary>
    public double ClickThroughRate { get; init; }
    public bool Paid => ClickThroughRate > 0;
    /// <summary>Twelve multipliers, January first, on both budget and traffic.</summary>
    public required double[] Monthly { get; init; }
    /// <summary>Probability that a visitor (first touch here, outside the A/B test) becomes a lead.</summary>
    public required double LeadRate { get; init; }
    /// <summary>
    /// Probability of entering each stage from the one before: index 0 is lead -> iql, then
    /// iql -> mql, mql -> sal, sal -> sql, sql -> opportunity, opportunity -> proposal, proposal -> customer.
    /// </summary>
    public required double[] StageRates { get; init; }
    /// <summary>Event type a visit of this channel sometimes carries (video, social engagement).</summary>
    public EventType? Engagement { get; init; }
}
