using System.Text;

namespace Northstar.Core.Metrics.Formulas;

/// <summary>A measure under filters; <see cref="Unit"/> is the catalogue's unit for it.</summary>
internal sealed record MeasureNode(MeasureCall Call, KpiUnit Unit) : FormulaNode
{
    public override int Precedence => 4;

    public override double? Evaluate(Func<MeasureCall, double?> valueOf) =>
        valueOf(Call) is { } value ? Finite(value) : null;

    public override void Write(StringBuilder text) => text.Append(Call.ToString());

    public override void CollectMeasures(List<MeasureCall> calls)
    {
        if (!calls.Contains(Call))
        {
            calls.Add(Call);
        }
    }
}
