using Northstar.Core.Goals;
using Northstar.Core.Metrics;

namespace Northstar.Cli.Commands;

/// <summary>One goal of <c>goal list --format json</c>: the goal, its pacing, its place in the tree (flat, parents first).</summary>
internal sealed record GoalCommandRow(
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
    public static GoalCommandRow From(GoalPacing p, int depth) => new(
        p.Goal.Id, p.Goal.ParentId, depth, p.Kpi.Id, p.Kpi.Name, p.Kpi.Unit, p.Period.Label, p.Period.Range.Start, p.Period.Range.End.AddDays(-1),
        p.Goal.Target, p.Actual, p.TargetToDate, p.Attainment, p.Status, p.ProRated, p.DaysElapsed, p.DaysLeft, p.RequiredDailyRate,
        p.Goal.Owner, p.Goal.Description, p.Goal.BusinessGoal, p.Goal.SubMetrics, p.Goal.MonthWeights, p.Notes);
}
