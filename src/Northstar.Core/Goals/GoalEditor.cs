using Northstar.Core.Metrics;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Goals;

/// <summary>
/// Saving and deleting goals as <c>goal set</c> / <c>goal delete</c> and the API do: checked by
/// <see cref="GoalValidator"/>, a seasonal split read from history when asked, a goal with
/// sub-goals kept until they go. Bad input comes back in the result, never as an exception.
/// </summary>
public static class GoalEditor
{
    /// <summary>
    /// Checks <paramref name="goal"/> and, when valid, saves it (replacing one of the same id).
    /// <paramref name="seasonal"/>: month weights from the KPI's months in the year before the
    /// period (ignored when the goal has weights typed in).
    /// </summary>
    /// <returns>The check: <see cref="GoalCheck.Goal"/> is the goal saved, null when nothing was.</returns>
    public static GoalCheck Save(IGoalStore goals, Workspace workspace, MetricsEngine engine, Goal goal, bool seasonal, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(goals);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(goal);
        var check = GoalValidator.Check(goal, engine, goals.ListGoals(workspace), today);
        if (check.Goal is { } valid && seasonal && goal.MonthWeights is null)
        {
            var (monthWeights, problem) = GoalSeasonality.FromHistory(engine, valid.Kpi, check.Period!);
            check = problem is null
                ? check with { Goal = valid with { MonthWeights = monthWeights } }
                : check with { Goal = null, Errors = [.. check.Errors, problem] };
        }

        if (check.Goal is { } saved)
        {
            goals.SaveGoal(workspace, saved);
        }

        return check;
    }

    /// <summary>
    /// Deletes a goal that has no sub-goals. Not deleted when it has sub-goals (listed) or when
    /// there is no such goal (an empty list).
    /// </summary>
    public static (bool Deleted, IReadOnlyList<string> SubGoals) Delete(IGoalStore goals, Workspace workspace, string id)
    {
        ArgumentNullException.ThrowIfNull(goals);
        ArgumentNullException.ThrowIfNull(workspace);
        var children = goals.ListGoals(workspace).Where(g => g.ParentId == id).Select(g => g.Id).ToList();
        return children.Count > 0 ? (false, children) : (goals.DeleteGoal(workspace, id), []);
    }
}
