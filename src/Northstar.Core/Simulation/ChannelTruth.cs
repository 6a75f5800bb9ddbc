namespace Northstar.Core.Simulation;

/// <summary>
/// A channel's true funnel and contribution. <see cref="StageRates"/> maps each stage from iql to
/// customer to the probability that a contact (first touch here) who entered the stage before
/// enters it; <see cref="CustomerRatePerVisitor"/> is the probability that a first-touch visit
/// here produces a customer, before any stage shock.
/// </summary>
public sealed record ChannelTruth
{
    public required string Channel { get; init; }
    public required string Source { get; init; }
    public required string Medium { get; init; }
    public required IReadOnlyList<string> Campaigns { get; init; }
    /// <summary>Visitor to lead, for visitors outside the A/B test.</summary>
    public required double LeadRate { get; init; }
    /// <summary>Visitor to lead over all first-touch visitors, A/B test included.</summary>
    public required double EffectiveLeadRate { get; init; }
    public required IReadOnlyDictionary<string, double> StageRates { get; init; }
    /// <summary>Product of the stage rates: lead to customer.</summary>
    public required double CustomerRatePerLead { get; init; }
    public required double CustomerRatePerVisitor { get; init; }
    /// <summary>Expected first-touch visitors over the run (traffic and spend shocks included).</summary>
    public required double ExpectedVisitors { get; init; }
    /// <summary>Expected leads over the run (lead shocks included).</summary>
    public required double ExpectedLeads { get; init; }
    /// <summary>Planned spend over the run (noise and shocks included), all kinds.</summary>
    public required double TotalSpend { get; init; }
    public required SpendCurveTruth SpendCurve { get; init; }
    /// <summary>Twelve multipliers, January first, on budget and traffic.</summary>
    public required IReadOnlyList<double> Monthly { get; init; }
}
