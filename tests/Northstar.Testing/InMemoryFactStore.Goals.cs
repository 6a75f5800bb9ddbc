using Northstar.Core.Goals;
using Northstar.Core.Workspaces;

namespace Northstar.Testing;

/// <summary>Goals, kept per workspace in a dictionary (copied in and out, as a database would).</summary>
public sealed partial class InMemoryFactStore : IGoalStore
{
    private readonly Dictionary<(long Workspace, string Id), Goal> _goals = [];

    public IReadOnlyList<Goal> ListGoals(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_lock)
        {
            return [.. _goals.Where(p => p.Key.Workspace == workspace.Id).OrderBy(p => p.Key.Id, StringComparer.Ordinal).Select(p => Copy(p.Value))];
        }
    }

    public Goal? GetGoal(Workspace workspace, string id)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_lock)
        {
            return _goals.TryGetValue((workspace.Id, id), out var goal) ? Copy(goal) : null;
        }
    }

    public void SaveGoal(Workspace workspace, Goal goal)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(goal);
        lock (_lock)
        {
            _goals[(workspace.Id, goal.Id)] = Copy(goal);
        }
    }

    public bool DeleteGoal(Workspace workspace, string id)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_lock)
        {
            return _goals.Remove((workspace.Id, id));
        }
    }

    private static Goal Copy(Goal goal) =>
        goal with { SubMetrics = [.. goal.SubMetrics], MonthWeights = goal.MonthWeights is { } w ? [.. w] : null };
}
