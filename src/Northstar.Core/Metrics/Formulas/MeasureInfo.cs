namespace Northstar.Core.Metrics.Formulas;

/// <summary>A measure a formula can use.</summary>
/// <param name="Name">Its snake_case name, as formulas write it (<c>spend</c>).</param>
/// <param name="Unit">What its value measures; the formula's unit is inferred from these.</param>
/// <param name="Dimensions">The dimensions it can be filtered by (ids of <see cref="Metrics.Dimensions"/>).</param>
public sealed record MeasureInfo(string Name, KpiUnit Unit, IReadOnlyList<string> Dimensions);
