namespace Northstar.Core.Metrics.Formulas;

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}
