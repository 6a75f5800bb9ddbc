using System.Text;

namespace Northstar.Core.Metrics.Formulas;

/// <summary>
/// A parsed, unit-checked KPI formula such as <c>spend[kind != "service"] / leads</c>. Get one from
/// <see cref="FormulaParser.Parse"/>. Two formulas are equal when they have the same structure
/// (spacing and redundant parentheses do not count).
/// </summary>
public sealed class Formula : IEquatable<Formula>
{
    private readonly ValueUnit _unit;

    internal Formula(string source, FormulaNode root, ValueUnit unit)
    {
        Source = source;
        Root = root;
        _unit = unit;
        var calls = new List<MeasureCall>();
        root.CollectMeasures(calls);
        Measures = calls;
    }

    /// <summary>The text the formula was parsed from, as written.</summary>
    public string Source { get; }

    /// <summary>
    /// The unit inferred from the measures' units. A bare number is unitless. Adding or subtracting needs like
    /// units; multiplying by a number or a ratio keeps the unit, and count * money is money; dividing like units
    /// gives a ratio, money / count is money (cost per lead), money / days is money, count / days is count,
    /// days / count is days, score / count is score, count / money is a ratio (leads per dollar), and a number
    /// divided by a unit is a ratio. Other combinations are parse errors.
    /// </summary>
    public KpiUnit Unit => UnitRules.ToKpiUnit(_unit);

    /// <summary>The distinct measure calls, in the order they first appear: the values <see cref="Evaluate"/> asks for.</summary>
    public IReadOnlyList<MeasureCall> Measures { get; }

    internal FormulaNode Root { get; }

    /// <summary>
    /// Computes the formula in double arithmetic from the measures' values. Returns null ("no value")
    /// when a measure has no value, when a division is by zero, or when the result overflows; never
    /// infinity or NaN, and never throws for any values.
    /// </summary>
    public double? Evaluate(Func<MeasureCall, double?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        return Root.Evaluate(valueOf);
    }

    /// <summary>
    /// Null when the KPI's declared unit is the one the formula gives; otherwise an error spanning the
    /// whole formula, e.g. "the formula gives a ratio (money / money) but the KPI is declared as count".
    /// </summary>
    public FormulaError? CheckDeclaredUnit(KpiUnit declared)
    {
        if (declared == Unit)
        {
            return null;
        }

        var declaredName = UnitRules.Name(UnitRules.From(declared));
        return new FormulaError(0, Source.Length, $"the formula gives {DescribeUnit()} but the KPI is declared as {declaredName}");
    }

    /// <summary>The canonical text: single spaces around operators, only needed parentheses; it parses back to an equal formula.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Root.Write(text);
        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(Formula? other) => other is not null && Root.Equals(other.Root);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Formula);

    /// <inheritdoc />
    public override int GetHashCode() => Root.GetHashCode();

    /// <summary>"a ratio (money / money)" when the top operation changes units, else just "money".</summary>
    private string DescribeUnit()
    {
        var unit = UnitRules.WithArticle(_unit);
        if (Root is BinaryNode { Operator: BinaryOperator.Multiply or BinaryOperator.Divide } top
            && UnitRules.Infer(top.Left) is { } left and not ValueUnit.Number
            && UnitRules.Infer(top.Right) is { } right and not ValueUnit.Number)
        {
            return $"{unit} ({UnitRules.Name(left)} {top.Symbol} {UnitRules.Name(right)})";
        }

        return unit;
    }
}
