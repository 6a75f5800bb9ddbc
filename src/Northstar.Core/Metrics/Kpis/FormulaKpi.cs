using Northstar.Core.Metrics.Formulas;
using Northstar.Core.Metrics.Measures;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// A KPI written as a formula over measures (built-in ratios like cost per lead, and every custom
/// KPI). Each measure call is computed once per range, grouped by the query's breakdown with the
/// call's own filters added; the formula is then evaluated group by group (a group a measure did
/// not see counts 0 there; division by zero gives no value).
/// </summary>
internal sealed class FormulaKpi(KpiDefinition definition, Formula formula, MeasureRegistry measures) : Kpi(definition)
{
    public Formula Formula { get; } = formula;

    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var values = new Dictionary<MeasureCall, Groups>();
        var groups = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var call in Formula.Measures)
        {
            var computed = measures.Get(call.Name).Compute(context, range, breakdown.With(call.Filters));
            values[call] = computed;
            groups.UnionWith(computed.Keys);
        }

        if (breakdown.By is null)
        {
            groups.Add(Breakdown.Total);
        }

        return groups.ToDictionary(g => g, g => Formula.Evaluate(call => values[call].Of(g)), StringComparer.Ordinal);
    }

    public override void Needs(ReadNeeds needs, Breakdown breakdown)
    {
        foreach (var call in Formula.Measures)
        {
            measures.Get(call.Name).Needs(needs, breakdown.With(call.Filters));
        }
    }

    /// <summary>The dimensions every measure of the formula supports.</summary>
    public static IReadOnlyList<string> CommonDimensions(Formula formula, MeasureRegistry measures)
    {
        IEnumerable<string>? common = null;
        foreach (var call in formula.Measures)
        {
            var supported = measures.Get(call.Name).SupportedDimensions;
            common = common is null ? supported : common.Intersect(supported);
        }

        return [.. common ?? []];
    }
}
