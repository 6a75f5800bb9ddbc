using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Core.Goals;

/// <summary>
/// Where a goal stands on an as-of date (excluded: the days before it have happened). Exact
/// values; rounding is for display.
/// </summary>
public sealed record GoalPacing
{
    public required Goal Goal { get; init; }

    /// <summary>The goal's KPI (a stand-in named after the id when the KPI no longer exists; see <see cref="Notes"/>).</summary>
    public required KpiDefinition Kpi { get; init; }

    /// <summary>The goal's period.</summary>
    public required Period Period { get; init; }

    /// <summary>The first day not yet counted.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>
    /// True for an additive KPI (a count or an amount): the target to date is the target times
    /// the split's share before <see cref="AsOf"/>. False for a rate, average or ratio: the
    /// target to date is the target itself (a rate of 2% is the aim on any day).
    /// </summary>
    public required bool ProRated { get; init; }

    /// <summary>The KPI over [period start, as-of) (over the whole period once it has ended); null before it starts or when there is no value.</summary>
    public double? Actual { get; init; }

    /// <summary>What should have been reached by now (see <see cref="ProRated"/>).</summary>
    public required double TargetToDate { get; init; }

    /// <summary>
    /// Actual over target to date (up-is-good and neutral KPIs), or target to date over actual
    /// (down-is-good: under the ceiling is above 1); null when it cannot be formed.
    /// </summary>
    public double? Attainment { get; init; }

    public required PacingStatus Status { get; init; }

    /// <summary>Days of the period before the as-of date.</summary>
    public required int DaysElapsed { get; init; }

    /// <summary>Days of the period from the as-of date on.</summary>
    public required int DaysLeft { get; init; }

    /// <summary>
    /// For an additive KPI with days left: what is needed per day from now on to meet the target
    /// (up-is-good), or what may still be spent per day under the ceiling (down-is-good); never
    /// below 0. Null for rates and once the period is over.
    /// </summary>
    public double? RequiredDailyRate { get; init; }

    /// <summary>What the reader should know: no data yet, not started, final, not pro-rated, how the sub-goals stand.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The goals whose parent this is, each paced on the same day.</summary>
    public IReadOnlyList<GoalPacing> SubGoals { get; init; } = [];

    /// <summary>This goal and its sub-goals, depth first, with their depth (0 for this one).</summary>
    public IEnumerable<(GoalPacing Pacing, int Depth)> Walk(int depth = 0)
    {
        yield return (this, depth);
        foreach (var sub in SubGoals)
        {
            foreach (var item in sub.Walk(depth + 1))
            {
                yield return item;
            }
        }
    }
}
