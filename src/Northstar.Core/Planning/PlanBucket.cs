using Northstar.Core.Metrics;

namespace Northstar.Core.Planning;

/// <summary>A quarter or month of a plan: its share of the period's goal and the counts needed in it.</summary>
/// <param name="Label">"2026-Q1", "FY2026-Q1" or "2026-01".</param>
/// <param name="Range">Its days (inside the plan's period).</param>
/// <param name="Share">Its share of the whole goal, 0..1.</param>
/// <param name="Counts">The plan's total counts times <paramref name="Share"/>.</param>
public sealed record PlanBucket(string Label, DateRange Range, double Share, StepCounts Counts);
