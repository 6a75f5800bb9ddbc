namespace Northstar.Core.Metrics.Periods;

/// <summary>One slice of a range cut by <see cref="Buckets.Split"/>.</summary>
/// <param name="Range">The days of the slice, clipped to the range that was split.</param>
/// <param name="Label">The label of the whole unit the slice belongs to: 2025-W29, 2025-07, FY2026-Q1.</param>
/// <param name="IsPartial">True when the range cut off part of the unit (a first or last bucket).</param>
public readonly record struct Bucket(DateRange Range, string Label, bool IsPartial);
