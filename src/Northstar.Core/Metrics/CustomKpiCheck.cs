using System.Text.RegularExpressions;
using Northstar.Core.Metrics.Formulas;

namespace Northstar.Core.Metrics;

/// <summary>
/// Checks a custom KPI before it is saved (<c>kpi define</c>, the API's <c>PUT custom-kpis/{id}</c>):
/// a snake_case id that is not a built-in KPI or a reserved word, a formula that parses over the
/// workspace's measures and gives the declared unit. Problems come back, never as exceptions.
/// </summary>
public static partial class CustomKpiCheck
{
    /// <summary>The unit names a definition takes: count, money, ratio, days, score.</summary>
    public static IReadOnlyList<string> UnitNames { get; } = ["count", "money", "ratio", "days", "score"];

    /// <summary>The direction names a definition takes: up (higher is better), down, neutral.</summary>
    public static IReadOnlyList<string> DirectionNames { get; } = ["up", "down", "neutral"];

    /// <summary>Words the CLI's kpi command reads as sub-commands, so no KPI may be called that.</summary>
    public static IReadOnlyList<string> Reserved { get; } = ["list", "define", "undefine"];

    /// <summary>
    /// The problem with the id (null when fine), else the formula's errors (empty when it can be
    /// saved; each with the position and length of the fault in <see cref="KpiDefinition.Formula"/>).
    /// </summary>
    public static (string? IdProblem, IReadOnlyList<FormulaError> FormulaErrors) Check(MetricsEngine engine, KpiDefinition kpi)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(kpi);
        if (!SnakeCase().IsMatch(kpi.Id) || Reserved.Contains(kpi.Id))
        {
            return ($"'{kpi.Id}' is not a valid KPI id: use snake_case (a-z, 0-9, _; starting with a letter), not list/define/undefine", []);
        }

        if (engine.Find(kpi.Id) is { IsCustom: false })
        {
            return ($"'{kpi.Id}' is a built-in KPI; choose another id", []);
        }

        var parsed = FormulaParser.Parse(kpi.Formula ?? "", engine.Measures);
        IReadOnlyList<FormulaError> errors = parsed.Formula is not { } f ? parsed.Errors
            : f.CheckDeclaredUnit(kpi.Unit) is { } unitError ? [unitError]
            : [];
        return (null, errors);
    }

    /// <summary>The unit a name means (<see cref="UnitNames"/>), or null.</summary>
    public static KpiUnit? Unit(string? name) =>
        name is not null && UnitNames.Contains(name) ? Enum.Parse<KpiUnit>(name, ignoreCase: true) : null;

    /// <summary>The direction a name means (<see cref="DirectionNames"/>), or null.</summary>
    public static KpiDirection? Direction(string? name) => name switch
    {
        "up" => KpiDirection.UpIsGood,
        "down" => KpiDirection.DownIsGood,
        "neutral" => KpiDirection.Neutral,
        _ => null,
    };

    /// <summary>count, money, ratio, days, score: the name of a unit.</summary>
    public static string UnitName(KpiUnit unit) => unit.ToString().ToLowerInvariant();

    /// <summary>up, down, neutral: the name of a direction.</summary>
    public static string DirectionName(KpiDirection direction) => direction switch
    {
        KpiDirection.UpIsGood => "up",
        KpiDirection.DownIsGood => "down",
        _ => "neutral",
    };

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();
}
