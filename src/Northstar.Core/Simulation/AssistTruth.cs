namespace Northstar.Core.Simulation;

/// <summary>
/// The causal model of the assists variant (<see cref="SimulationOptions.AssistEffects"/>) and
/// each channel's true effect under it. Before stage shocks; counts every lead of the run, also
/// those whose MQL or deal would fall after its end.
/// </summary>
public sealed record AssistTruth
{
    /// <summary>Chance that the contact's first touch through the channel qualifies it as an MQL (after IQL).</summary>
    public required IReadOnlyDictionary<string, double> QualifyChance { get; init; }

    /// <summary>Share of a channel's IQL-to-MQL rate that still qualifies a contact whom no touch qualified.</summary>
    public required double BaseShare { get; init; }

    /// <summary>Where a visitor's returns before the form fill come from (channel, weight summing to 1).</summary>
    public required IReadOnlyDictionary<string, double> ReturnMix { get; init; }

    /// <summary>Where the qualification window's return visits come from (channel, weight summing to 1).</summary>
    public required IReadOnlyDictionary<string, double> WindowMix { get; init; }

    /// <summary>Mean return visits in a lead's qualification window (Poisson).</summary>
    public required double ReturnsPerLead { get; init; }

    /// <summary>Mean clicked nurture emails in a lead's qualification window (Poisson).</summary>
    public required double NurtureClicksPerLead { get; init; }

    /// <summary>Per channel, in catalog order: the MQLs and customers it causes.</summary>
    public required IReadOnlyList<ChannelEffect> Effects { get; init; }
}
