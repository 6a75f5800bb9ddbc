using System.Text;

namespace Northstar.Core.Metrics.Formulas;

/// <summary>
/// A node of a parsed formula. Nodes are records, so two trees are equal when they have the same
/// structure; source positions are deliberately not part of them.
/// </summary>
internal abstract record FormulaNode
{
    /// <summary>Binding strength when written: 1 for + -, 2 for * /, 3 for unary minus, 4 for atoms.</summary>
    public abstract int Precedence { get; }

    /// <summary>The value, or null when a measure has none or a division has no value.</summary>
    public abstract double? Evaluate(Func<MeasureCall, double?> valueOf);

    /// <summary>Writes the canonical text, with only the parentheses the structure needs.</summary>
    public abstract void Write(StringBuilder text);

    /// <summary>Adds the measure calls, left to right.</summary>
    public abstract void CollectMeasures(List<MeasureCall> calls);

    /// <summary>Writes <paramref name="child"/>, in parentheses when it binds less than <paramref name="needed"/>.</summary>
    protected static void WriteChild(StringBuilder text, FormulaNode child, int needed)
    {
        if (child.Precedence < needed)
        {
            text.Append('(');
            child.Write(text);
            text.Append(')');
        }
        else
        {
            child.Write(text);
        }
    }

    /// <summary>A finite value, or null: infinities and NaN mean "no value".</summary>
    protected static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
