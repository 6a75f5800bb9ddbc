using Northstar.Core.Metrics;

namespace Northstar.Core.Goals;

/// <summary>
/// One goal as listed (<c>goal list --format json</c>, the API's <c>goals</c>): the goal, its
/// pacing on the as-of day, its place in the tree (flat, parents first, <c>Depth</c> 0 at the top).
/// Period end is the last day of the period (inclusive).
/// </summary>
public sealed record GoalRow(
    string Id,
    string? ParentId,
    int Depth,
    string Kpi,
    string KpiName,
    KpiUnit Unit,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    double Target,
    double? Actual,
    double TargetToDate,
    double? Attainment,
    PacingStatus Status,
    bool ProRated,
    int DaysElapsed,
    int DaysLeft,
    double? RequiredDailyRate,
    string? Owner,
    string? Description,
    string? BusinessGoal,
    IReadOnlyList<string> SubMetrics,
    IReadOnlyList<double>? MonthWeights,
    IReadOnlyList<string> Notes)
{
    /// <summary>The row of one paced goal at a depth in the tree.</summary>
    public static GoalRow From(GoalPacing p, int depth)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(
            p.Goal.Id, p.Goal.ParentId, depth, p.Kpi.Id, p.Kpi.Name, p.Kpi.Unit, p.Period.Label, p.Period.Range.Start, p.Period.Range.End.AddDays(-1),
            p.Goal.Target, p.Actual, p.TargetToDate, p.Attainment, p.Status, p.ProRated, p.DaysElapsed, p.DaysLeft, p.RequiredDailyRate,
            p.Goal.Owner, p.Goal.Description, p.Goal.BusinessGoal, p.Goal.SubMetrics, p.Goal.MonthWeights, p.Notes);
    }

    /// <summary>Every goal of the list paced on <paramref name="asOf"/>, flat with sub-goals after their parent.</summary>
    public static IReadOnlyList<GoalRow> List(GoalPacer pacer, IReadOnlyList<Goal> goals, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(pacer);
        return [.. pacer.PaceAll(goals, asOf).SelectMany(p => p.Walk()).Select(w => From(w.Pacing, w.Depth))];
    }
}
