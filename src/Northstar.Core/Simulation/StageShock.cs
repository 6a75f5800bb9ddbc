using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>
/// From <paramref name="From"/> on, the probability of entering <paramref name="Stage"/> from the
/// stage before it is multiplied by <paramref name="Multiplier"/> (capped at 1), for contacts that
/// enter the stage before on or after that date; only for <paramref name="Channel"/> when set.
/// For <see cref="Stage.Churned"/> the multiplier applies to the probability of churning at a renewal.
/// </summary>
public sealed record StageShock(DateOnly From, Stage Stage, double Multiplier, string? Channel = null);
