namespace Northstar.Core.Metrics.Formulas;

/// <summary>
/// Which arithmetic on units makes sense, and what unit it gives. A bare number is unitless: it takes
/// the other operand's unit in + - * and as a divisor; a number divided by a unit is a ratio (1 / roas).
/// <list type="bullet">
/// <item>+ and -: like units only (money + money = money); money + count is an error.</item>
/// <item>*: by a number or a ratio keeps the other unit; count * money = money (quantity times price); anything else is an error.</item>
/// <item>/: like units give a ratio; by a number or a ratio keeps the unit; money / count = money (cost per thing),
/// money / days = money, count / days = count (per day), days / count = days (average duration), and the same
/// three with months,
/// score / count = score (average score), count / money = ratio (leads per dollar); anything else is an error.</item>
/// </list>
/// </summary>
internal static class UnitRules
{
    /// <summary>The unit of <c>left op right</c>, or null with the reason when the units do not mix.</summary>
    public static (ValueUnit? Unit, string? Error) Combine(BinaryOperator op, ValueUnit left, ValueUnit right) => op switch
    {
        BinaryOperator.Add => AddOrSubtract(left, right, $"cannot add {Name(right)} to {Name(left)}"),
        BinaryOperator.Subtract => AddOrSubtract(left, right, $"cannot subtract {Name(right)} from {Name(left)}"),
        BinaryOperator.Multiply => Multiply(left, right),
        _ => Divide(left, right),
    };

    /// <summary>The unit of a whole tree, or null when some part does not mix.</summary>
    public static ValueUnit? Infer(FormulaNode node) => node switch
    {
        NumberNode => ValueUnit.Number,
        MeasureNode measure => From(measure.Unit),
        NegateNode negate => Infer(negate.Operand),
        BinaryNode binary when Infer(binary.Left) is { } left && Infer(binary.Right) is { } right =>
            Combine(binary.Operator, left, right).Unit,
        _ => null,
    };

    public static ValueUnit From(KpiUnit unit) => unit switch
    {
        KpiUnit.Count => ValueUnit.Count,
        KpiUnit.Money => ValueUnit.Money,
        KpiUnit.Ratio => ValueUnit.Ratio,
        KpiUnit.Days => ValueUnit.Days,
        KpiUnit.Score => ValueUnit.Score,
        KpiUnit.Months => ValueUnit.Months,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown KPI unit."),
    };

    /// <summary>The KPI unit of a unit that is not a bare number.</summary>
    public static KpiUnit ToKpiUnit(ValueUnit unit) => unit switch
    {
        ValueUnit.Count => KpiUnit.Count,
        ValueUnit.Money => KpiUnit.Money,
        ValueUnit.Ratio => KpiUnit.Ratio,
        ValueUnit.Days => KpiUnit.Days,
        ValueUnit.Score => KpiUnit.Score,
        ValueUnit.Months => KpiUnit.Months,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "A bare number has no KPI unit."),
    };

    /// <summary>The unit's name in messages: count, money, ratio, days, score, months, number.</summary>
    public static string Name(ValueUnit unit) => unit.ToString().ToLowerInvariant();

    /// <summary>The unit with an article where English wants one: "a ratio", "money", "days".</summary>
    public static string WithArticle(ValueUnit unit) => unit is ValueUnit.Money or ValueUnit.Days or ValueUnit.Months ? Name(unit) : $"a {Name(unit)}";

    private static (ValueUnit?, string?) AddOrSubtract(ValueUnit left, ValueUnit right, string error)
    {
        if (left == right || right == ValueUnit.Number)
        {
            return (left, null);
        }

        return left == ValueUnit.Number ? (right, null) : (null, error);
    }

    private static (ValueUnit?, string?) Multiply(ValueUnit left, ValueUnit right)
    {
        if (right is ValueUnit.Number or ValueUnit.Ratio)
        {
            return (left, null);
        }

        if (left is ValueUnit.Number or ValueUnit.Ratio)
        {
            return (right, null);
        }

        return (left, right) is (ValueUnit.Count, ValueUnit.Money) or (ValueUnit.Money, ValueUnit.Count)
            ? (ValueUnit.Money, null)
            : (null, $"cannot multiply {Name(left)} by {Name(right)}");
    }

    private static (ValueUnit?, string?) Divide(ValueUnit left, ValueUnit right)
    {
        if (right == ValueUnit.Number)
        {
            return (left, null);
        }

        if (left == ValueUnit.Number || left == right)
        {
            return (ValueUnit.Ratio, null);
        }

        if (right == ValueUnit.Ratio)
        {
            return (left, null);
        }

        ValueUnit? unit = (left, right) switch
        {
            (ValueUnit.Money, ValueUnit.Count) => ValueUnit.Money,
            (ValueUnit.Money, ValueUnit.Days) => ValueUnit.Money,
            (ValueUnit.Count, ValueUnit.Days) => ValueUnit.Count,
            (ValueUnit.Days, ValueUnit.Count) => ValueUnit.Days,
            (ValueUnit.Money, ValueUnit.Months) => ValueUnit.Money,
            (ValueUnit.Count, ValueUnit.Months) => ValueUnit.Count,
            (ValueUnit.Months, ValueUnit.Count) => ValueUnit.Months,
            (ValueUnit.Score, ValueUnit.Count) => ValueUnit.Score,
            (ValueUnit.Count, ValueUnit.Money) => ValueUnit.Ratio,
            _ => null,
        };
        return unit is null ? (null, $"cannot divide {Name(left)} by {Name(right)}") : (unit, null);
    }
}
