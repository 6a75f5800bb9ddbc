namespace Northstar.Core.Planning;

/// <summary>One resolved rate of a <see cref="SavedPlan"/>: its value and where it came from when the plan was made.</summary>
/// <param name="Rate">The share of the step that reaches the next one, 0..1.</param>
/// <param name="Kind">Typed in or read from history.</param>
/// <param name="Source">The source as it read then ("typed in", "leads / sessions over 2025-01-01..2025-12-31").</param>
public sealed record SavedRate(double Rate, PlanSourceKind Kind, string Source);
