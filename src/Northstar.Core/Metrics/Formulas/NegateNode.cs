using System.Text;

namespace Northstar.Core.Metrics.Formulas;

/// <summary>Unary minus.</summary>
internal sealed record NegateNode(FormulaNode Operand) : FormulaNode
{
    public override int Precedence => 3;

    public override double? Evaluate(Func<MeasureCall, double?> valueOf) => -Operand.Evaluate(valueOf);

    public override void Write(StringBuilder text)
    {
        text.Append('-');
        WriteChild(text, Operand, Precedence);
    }

    public override void CollectMeasures(List<MeasureCall> calls) => Operand.CollectMeasures(calls);
}
