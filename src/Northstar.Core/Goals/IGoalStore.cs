using Northstar.Core.Workspaces;

namespace Northstar.Core.Goals;

/// <summary>Where a workspace keeps its goals. Implemented by every store next to <see cref="Storage.IFactStore"/>.</summary>
public interface IGoalStore
{
    /// <summary>The workspace's goals, by id.</summary>
    IReadOnlyList<Goal> ListGoals(Workspace workspace);

    /// <summary>The goal with that id, or null.</summary>
    Goal? GetGoal(Workspace workspace, string id);

    /// <summary>Saves a goal, replacing one of the same id.</summary>
    void SaveGoal(Workspace workspace, Goal goal);

    /// <summary>Deletes a goal; false when there was none of that id.</summary>
    bool DeleteGoal(Workspace workspace, string id);
}
