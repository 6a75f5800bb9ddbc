namespace Northstar.Core.Metrics.Views;

/// <summary>A touchpoint's traffic source: where a visit or a message came from.</summary>
public sealed record Touch(
    DateTimeOffset Timestamp,
    string? Channel,
    string? Source,
    string? Medium,
    string? Campaign,
    string? LandingPage);
