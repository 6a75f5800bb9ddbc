using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Measures;

/// <summary>Sales-side activities of some kinds in the range, counted; by owner and asset.</summary>
internal sealed class ActivityMeasure(string name, IReadOnlyList<ActivityKind> kinds, string definition, bool withAssetOnly = false)
    : Measure(name, KpiUnit.Count, [Dimensions.Owner, Dimensions.Asset], definition)
{
    public override void Accumulate(MetricContext context, DateRange range, Breakdown breakdown, Groups groups)
    {
        foreach (var activity in Counted(context).In(range))
        {
            if (breakdown.Accepts(activity, Get))
            {
                groups.AddTo(breakdown.GroupOf(activity, Get), 1);
            }
        }
    }

    /// <summary>The activities this measure counts, sorted by local day once per context (a year by month asks for 13 ranges).</summary>
    private DayRows<Activity> Counted(MetricContext context) =>
        context.Derived(
            (typeof(ActivityMeasure), Name),
            () => new DayRows<Activity>(
                [.. context.Read<Activity>().Where(a => kinds.Contains(a.Kind) && (!withAssetOnly || a.Asset is not null))],
                a => context.Day(a.Timestamp)));

    private static string? Get(Activity activity, string dimension) => dimension switch
    {
        Dimensions.Owner => activity.Owner,
        Dimensions.Asset => activity.Asset,
        _ => null,
    };
}
