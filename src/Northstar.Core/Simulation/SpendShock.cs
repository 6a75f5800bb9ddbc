namespace Northstar.Core.Simulation;

/// <summary>
/// Multiplies a channel's daily spend from <paramref name="From"/> until the day before
/// <paramref name="Until"/> (open-ended when null); traffic follows through the channel's spend curve.
/// </summary>
public sealed record SpendShock(DateOnly From, string Channel, double Multiplier, DateOnly? Until = null);
