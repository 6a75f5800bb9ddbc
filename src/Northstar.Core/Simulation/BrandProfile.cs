namespace Northstar.Core.Simulation;

/// <summary>A tracked brand and its daily mentions by sentiment.</summary>
internal sealed record BrandProfile(string Id, bool Ours, double MeanDailyMentions, double Positive, double Neutral, double Negative);
