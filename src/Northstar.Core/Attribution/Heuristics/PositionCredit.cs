namespace Northstar.Core.Attribution.Heuristics;

/// <summary>What the ordered Shapley model credits a channel with at one position of the paths (1 = first distinct channel).</summary>
public sealed record PositionCredit(string Channel, int Position, double Conversions, double Value);
