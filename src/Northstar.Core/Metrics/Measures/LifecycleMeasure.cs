using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Metrics.Measures;

/// <summary>
/// Contacts whose lifecycle has a moment (entering a stage, being first known) in the range,
/// counted from the stage rollup (<see cref="IDerivedViews.ReadStageRollup"/>): the same number
/// as visiting every lifecycle, without reading them. Without filters or a condition of its own,
/// a count grouped by one dimension (or not) reads the rollup already summed per value
/// (<see cref="IDerivedViews.ReadStageCounts"/>): a few rows a day instead of one per contact.
/// </summary>
internal sealed class LifecycleMeasure(
    string name,
    ContactMoment moment,
    string definition,
    Func<ContactDims, bool>? where = null)
    : Measure(name, KpiUnit.Count, ContactDimensions.Names, definition)
{
    public override void Needs(ReadNeeds needs, Breakdown breakdown)
    {
        ArgumentNullException.ThrowIfNull(needs);
        if (ReadsCounts(breakdown))
        {
            needs.StageCounts(moment, breakdown.By);
        }
        else
        {
            needs.Stages(moment);
        }
    }

    public override void Accumulate(MetricContext context, DateRange range, Breakdown breakdown, Groups groups)
    {
        if (ReadsCounts(breakdown))
        {
            foreach (var row in context.StageCounts(moment, breakdown.By).In(range))
            {
                var group = breakdown.By is null ? Breakdown.Total : row.Value.Length == 0 ? Dimensions.None : row.Value;
                groups.AddTo(group, row.Count);
            }

            return;
        }

        foreach (var row in context.Stages(moment).In(range))
        {
            if ((where is null || where(row.Dims)) && breakdown.Accepts(row.Dims, ContactDimensions.Get))
            {
                groups.AddTo(breakdown.GroupOf(row.Dims, ContactDimensions.Get), row.Count);
            }
        }
    }

    private bool ReadsCounts(Breakdown breakdown) =>
        where is null && breakdown.Filters.Count == 0 && (breakdown.By is null || ContactDimensions.Names.Contains(breakdown.By));
}
