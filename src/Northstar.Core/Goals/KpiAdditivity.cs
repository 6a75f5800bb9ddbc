using Northstar.Core.Metrics.Formulas;
using Northstar.Core.Metrics.Kpis;

namespace Northstar.Core.Goals;

/// <summary>
/// Whether a KPI's value over a range is (about) the sum of its values over the range's days:
/// a measure as it is (leads, spend, new revenue), or a formula that only adds, subtracts,
/// negates and scales measures by constants. Rates, averages and ratios are not.
/// </summary>
internal static class KpiAdditivity
{
    public static bool Of(Kpi kpi) => kpi switch
    {
        MeasureKpi => true,
        FormulaKpi formula => Linear(formula.Formula.Root),
        _ => false,
    };

    private static bool Linear(FormulaNode node) => node switch
    {
        MeasureNode => true,
        NegateNode negate => Linear(negate.Operand),
        BinaryNode { Operator: BinaryOperator.Add or BinaryOperator.Subtract } sum => Linear(sum.Left) && Linear(sum.Right),
        BinaryNode { Operator: BinaryOperator.Multiply } product =>
            (product.Left is NumberNode && Linear(product.Right)) || (product.Right is NumberNode && Linear(product.Left)),
        BinaryNode { Operator: BinaryOperator.Divide, Right: NumberNode } quotient => Linear(quotient.Left),
        _ => false,
    };
}
