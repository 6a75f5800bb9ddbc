using Northstar.Core.Metrics;
using Northstar.Core.Planning;

namespace Northstar.Core.Diagnostics;

/// <summary>The volume of each funnel step in a period, counted by the step's KPI (<see cref="FunnelSteps.KpiId"/>).</summary>
/// <param name="Volumes">One count per step, in <see cref="FunnelSteps.All"/> order.</param>
public sealed record FunnelCounts(IReadOnlyList<double> Volumes)
{
    /// <summary>The count of one step.</summary>
    public double this[FunnelStep step] => Volumes[(int)step];

    /// <summary>Counts each step over <paramref name="range"/> through the engine (one total per KPI).</summary>
    public static FunnelCounts Read(MetricsEngine engine, DateRange range)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return new FunnelCounts([.. FunnelSteps.All.Select(s => engine.Run(new MetricQuery(FunnelSteps.KpiId(s), range)).Rows.Single().Total ?? 0)]);
    }

    /// <summary>Step-wise sums of several periods' counts.</summary>
    public static FunnelCounts Sum(IReadOnlyList<FunnelCounts> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return new FunnelCounts([.. FunnelSteps.All.Select(s => periods.Sum(p => p[s]))]);
    }
}
