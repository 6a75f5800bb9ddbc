namespace Northstar.Core.Simulation;

/// <summary>A segment's share of new accounts, deal size, discount range, yearly renewal rate (before NPS) and cycle length.</summary>
public sealed record SegmentTruth(
    string Segment, double Share, double MeanListAmount, double DiscountMin, double DiscountMax, double RenewalRate, double CycleMultiplier);
