using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Measures;

/// <summary>Distinct actors (contact id, else anonymous id) with an event of some types; no breakdown.</summary>
internal sealed class DistinctActorsMeasure(string name, IReadOnlyList<EventType> types, string definition)
    : Measure(name, KpiUnit.Count, [], definition)
{
    public override void Accumulate(MetricContext context, DateRange range, Breakdown breakdown, Groups groups) =>
        groups.AddTo(Breakdown.Total, context.DistinctActors(types, range));
}
