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

    /// <summary>
    /// Counts each step over each range; when every range starts and ends on a month's first day,
    /// with one month-grain query per step over their span (counts add up over months), else one query per range.
    /// </summary>
    public static IReadOnlyList<FunnelCounts> ReadMany(MetricsEngine engine, IReadOnlyList<DateRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(ranges);
        if (ranges.Count == 0 || ranges.Any(r => r.Start.Day != 1 || r.End.Day != 1 || r.Days == 0))
        {
            return [.. ranges.Select(r => Read(engine, r))];
        }

        var span = new DateRange(ranges.Min(r => r.Start), ranges.Max(r => r.End));
        var volumes = ranges.Select(_ => new double[FunnelSteps.All.Count]).ToArray();
        foreach (var step in FunnelSteps.All)
        {
            var result = engine.Run(new MetricQuery(FunnelSteps.KpiId(step), span, Grain.Month));
            var values = result.Rows.Single().Values;
            for (var c = 0; c < result.Columns.Count; c++)
            {
                for (var r = 0; r < ranges.Count; r++)
                {
                    if (ranges[r].Contains(result.Columns[c].Range.Start))
                    {
                        volumes[r][(int)step] += values[c] ?? 0;
                    }
                }
            }
        }

        return [.. volumes.Select(v => new FunnelCounts(v))];
    }

    /// <summary>Step-wise sums of several periods' counts.</summary>
    public static FunnelCounts Sum(IReadOnlyList<FunnelCounts> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return new FunnelCounts([.. FunnelSteps.All.Select(s => periods.Sum(p => p[s]))]);
    }
}
