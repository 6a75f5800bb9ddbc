using System.Text;

namespace Northstar.Core.Metrics.Formulas;

/// <summary>A number literal (never negative: <c>-2</c> is a negation of 2).</summary>
internal sealed record NumberNode(double Value) : FormulaNode
{
    public override int Precedence => 4;

    public override double? Evaluate(Func<MeasureCall, double?> valueOf) => Value;

    public override void Write(StringBuilder text) => text.Append(FormulaText.Number(Value));

    public override void CollectMeasures(List<MeasureCall> calls)
    {
    }
}
