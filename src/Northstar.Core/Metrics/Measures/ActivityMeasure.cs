using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Measures;

/// <summary>Sales-side activities of some kinds in the range, counted; by owner and asset.</summary>
internal sealed class ActivityMeasure(string name, IReadOnlyList<ActivityKind> kinds, string definition, bool withAssetOnly = false)
    : Measure(name, KpiUnit.Count, [Dimensions.Owner, Dimensions.Asset], definition)
{
    public override void Accumulate(MetricContext context, DateRange range, Breakdown breakdown, Groups groups)
    {
        foreach (var activity in context.Read<Activity>())
        {
            if (kinds.Contains(activity.Kind) && (!withAssetOnly || activity.Asset is not null)
                && range.Contains(context.Day(activity.Timestamp)) && breakdown.Accepts(activity, Get))
            {
                groups.AddTo(breakdown.GroupOf(activity, Get), 1);
            }
        }
    }

    private static string? Get(Activity activity, string dimension) => dimension switch
    {
        Dimensions.Owner => activity.Owner,
        Dimensions.Asset => activity.Asset,
        _ => null,
    };
}
