namespace Northstar.Core.Metrics;

/// <summary>One bucket of a result: a part of the period.</summary>
/// <param name="Label">How the bucket is named (2025-07, 2025-W29, 2025-Q3).</param>
/// <param name="Range">Its days.</param>
/// <param name="Incomplete">
/// True when the bucket's value can still change with time: it reaches past today, or (for a
/// cohort rate) its cohort's window has not closed yet.
/// </param>
public sealed record KpiColumn(string Label, DateRange Range, bool Incomplete);
