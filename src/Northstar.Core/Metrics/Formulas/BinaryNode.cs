using System.Text;

namespace Northstar.Core.Metrics.Formulas;

/// <summary>An arithmetic operation on two operands.</summary>
internal sealed record BinaryNode(BinaryOperator Operator, FormulaNode Left, FormulaNode Right) : FormulaNode
{
    public override int Precedence => Operator is BinaryOperator.Add or BinaryOperator.Subtract ? 1 : 2;

    /// <summary>The operator as formulas write it.</summary>
    public string Symbol => Symbols[(int)Operator];

    private static readonly string[] Symbols = ["+", "-", "*", "/"];

    public override double? Evaluate(Func<MeasureCall, double?> valueOf)
    {
        if (Left.Evaluate(valueOf) is not { } left || Right.Evaluate(valueOf) is not { } right)
        {
            return null;
        }

        return Operator switch
        {
            BinaryOperator.Add => Finite(left + right),
            BinaryOperator.Subtract => Finite(left - right),
            BinaryOperator.Multiply => Finite(left * right),
            _ => right == 0 ? null : Finite(left / right),
        };
    }

    public override void Write(StringBuilder text)
    {
        WriteChild(text, Left, Precedence);
        text.Append(' ').Append(Symbol).Append(' ');

        // Left associativity: an equal-precedence right operand needs its parentheses (a - (b - c)).
        WriteChild(text, Right, Precedence + 1);
    }

    public override void CollectMeasures(List<MeasureCall> calls)
    {
        Left.CollectMeasures(calls);
        Right.CollectMeasures(calls);
    }
}
