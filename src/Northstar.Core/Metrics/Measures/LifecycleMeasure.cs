using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Metrics.Measures;

/// <summary>
/// Contacts whose lifecycle has a moment (entering a stage, being first known) in the range,
/// counted from the stage rollup (<see cref="IDerivedViews.ReadStageRollup"/>): the same number
/// as visiting every lifecycle, without reading them.
/// </summary>
internal sealed class LifecycleMeasure(
    string name,
    ContactMoment moment,
    string definition,
    Func<ContactDims, bool>? where = null)
    : Measure(name, KpiUnit.Count, ContactDimensions.Names, definition)
{
    public override void Accumulate(MetricContext context, DateRange range, Breakdown breakdown, Groups groups)
    {
        foreach (var row in context.Stages(moment).In(range))
        {
            if ((where is null || where(row.Dims)) && breakdown.Accepts(row.Dims, ContactDimensions.Get))
            {
                groups.AddTo(breakdown.GroupOf(row.Dims, ContactDimensions.Get), row.Count);
            }
        }
    }
}
