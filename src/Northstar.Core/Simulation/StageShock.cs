using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>
/// From <paramref name="From"/> on, the probability of entering <paramref name="Stage"/> from the
/// stage before it is multiplied by <paramref name="Multiplier"/> (capped at 1), for contacts that
/// enter the stage before on or after that date; only for <paramref name="Channel"/> when set.
/// For <see cref="Stage.Lead"/> it multiplies a first-touch visitor's probability to become a lead
/// (decided on the first visit); for <see cref="Stage.Churned"/>, the probability of churning at a renewal.
/// </summary>
public sealed record StageShock(DateOnly From, Stage Stage, double Multiplier, string? Channel = null);
