namespace Northstar.Core.Simulation;

/// <summary>A brand's expected daily mentions (before seasonality) and their sentiment shares.</summary>
public sealed record BrandTruth(string Brand, bool Ours, double MeanDailyMentions, double Positive, double Neutral, double Negative);
