using Northstar.Core.Metrics.Measures;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>A KPI that is one measure as it is (sessions, leads, spend).</summary>
internal sealed class MeasureKpi(KpiDefinition definition, Measure measure) : Kpi(definition)
{
    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown) =>
        measure.Compute(context, range, breakdown).ToDictionary(p => p.Key, p => (double?)p.Value, StringComparer.Ordinal);

    public override void Needs(ReadNeeds needs, Breakdown breakdown) => measure.Needs(needs, breakdown);
}
