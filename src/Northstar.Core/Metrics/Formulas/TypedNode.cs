namespace Northstar.Core.Metrics.Formulas;

/// <summary>A parsed node and its unit; the unit is null when it is unknown (an error was already reported).</summary>
internal readonly record struct TypedNode(FormulaNode Node, ValueUnit? Unit);
