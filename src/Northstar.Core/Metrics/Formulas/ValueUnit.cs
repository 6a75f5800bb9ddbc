namespace Northstar.Core.Metrics.Formulas;

/// <summary>The unit of a part of a formula: a <see cref="KpiUnit"/>, or a bare number without one.</summary>
internal enum ValueUnit
{
    Number,
    Count,
    Money,
    Ratio,
    Days,
    Score,
    Months,
}
