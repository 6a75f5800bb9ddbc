namespace Northstar.Core.Simulation;

/// <summary>A customer segment: share of new contacts, deal size, discounts, renewal and sales-cycle length.</summary>
internal sealed record SegmentProfile(string Id, double Share, double MeanListAmount, double DiscountMin, double DiscountMax, double RenewalRate, double CycleMultiplier);
