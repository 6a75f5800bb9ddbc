using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// A KPI built on CAC (per group, as the <c>cac</c> KPI breaks it down): LTV to CAC
/// (clv / cac) or CAC payback in months (cac / (new customer MRR x gross margin)).
/// </summary>
internal sealed class CacRatioKpi(KpiDefinition definition, Kpi cac, bool payback) : Kpi(definition)
{
    public override IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var per = payback
            ? ClvKpi.NewCustomerMrr(context, range) * context.Options.GrossMargin
            : ClvKpi.Value(context, range);
        return cac.Compute(context, range, breakdown).ToDictionary(
            p => p.Key,
            p => per is not { } x || p.Value is not { } c || c == 0 || x == 0 ? (double?)null : payback ? c / x : x / c,
            StringComparer.Ordinal);
    }

    public override void Needs(ReadNeeds needs, Breakdown breakdown)
    {
        ArgumentNullException.ThrowIfNull(needs);
        needs.Kind<Subscription>();
        cac.Needs(needs, breakdown);
    }
}
