namespace Northstar.Core.Planning;

/// <summary>A quarter or month of a <see cref="PlanDocument"/>: its share of the goal and the counts it needs, keyed by KPI id; <paramref name="End"/> is the day after.</summary>
public sealed record PlanBucketEntry(string Label, DateOnly Start, DateOnly End, double Share, IReadOnlyDictionary<string, double> Counts);
