namespace Northstar.Core.Planning;

/// <summary>One channel of a <see cref="PlanDocument"/>: its share of the goal, its own rates and counts (null when its history cannot give them), and why not.</summary>
public sealed record PlanChannelEntry(
    string Channel, double GoalShare, IReadOnlyList<PlanRateEntry>? Rates, IReadOnlyDictionary<string, double>? Needed, IReadOnlyList<string> Problems);
