namespace Northstar.Core.Simulation;

/// <summary>
/// A channel's spend and its diminishing returns, at the run's scale: expected daily visitors =
/// monthly x weekday x (OrganicVisitors + ReachVisitors x (1 - exp(-spend / Saturation))).
/// </summary>
public sealed record SpendCurveTruth
{
    /// <summary>Planned spend per day before seasonality, growth and noise.</summary>
    public required double DailySpend { get; init; }
    public required double OrganicVisitors { get; init; }
    public required double ReachVisitors { get; init; }
    public required double Saturation { get; init; }
    /// <summary>Share of the spend by kind (snake_case kind names).</summary>
    public required IReadOnlyDictionary<string, double> KindShares { get; init; }
    /// <summary>Ad click-through rate; 0 for channels without ads.</summary>
    public required double ClickThroughRate { get; init; }
}
