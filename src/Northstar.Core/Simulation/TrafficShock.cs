namespace Northstar.Core.Simulation;

/// <summary>
/// Multiplies first-touch visitors (of <paramref name="Channel"/>, or of every channel when null)
/// from <paramref name="From"/> until the day before <paramref name="Until"/> (open-ended when null),
/// spend unchanged: an outage, a tracking gap, a viral day.
/// </summary>
public sealed record TrafficShock(DateOnly From, double Multiplier, string? Channel = null, DateOnly? Until = null);
