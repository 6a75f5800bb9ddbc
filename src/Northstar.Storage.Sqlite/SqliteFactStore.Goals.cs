using System.Globalization;
using Microsoft.Data.Sqlite;
using Northstar.Core.Goals;
using Northstar.Core.Workspaces;

namespace Northstar.Storage.Sqlite;

/// <summary>
/// Goals: one row each. The target is REAL (a KPI value, like every value the metrics give);
/// sub-metrics are KPI ids joined by commas ('' for none); month weights are twelve numbers
/// joined by commas in round-trip form, NULL for an even split.
/// </summary>
public sealed partial class SqliteFactStore : IGoalStore
{
    private const string GoalColumns = "id, kpi, target, period, owner, description, business_goal, parent_id, sub_metrics, month_weights";

    public IReadOnlyList<Goal> ListGoals(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return ReadGoals(workspace, $"SELECT {GoalColumns} FROM goals WHERE workspace_id = $ws ORDER BY id", null);
    }

    public Goal? GetGoal(Workspace workspace, string id)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return ReadGoals(workspace, $"SELECT {GoalColumns} FROM goals WHERE workspace_id = $ws AND id = $id", id).SingleOrDefault();
    }

    public void SaveGoal(Workspace workspace, Goal goal)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(goal);
        Execute(
            $"INSERT OR REPLACE INTO goals(workspace_id, {GoalColumns}) VALUES ($ws, $id, $kpi, $target, $period, $owner, $description, $business, $parent, $subs, $weights)",
            ("$ws", workspace.Id),
            ("$id", goal.Id),
            ("$kpi", goal.Kpi),
            ("$target", goal.Target),
            ("$period", goal.Period),
            ("$owner", (object?)goal.Owner ?? DBNull.Value),
            ("$description", (object?)goal.Description ?? DBNull.Value),
            ("$business", (object?)goal.BusinessGoal ?? DBNull.Value),
            ("$parent", (object?)goal.ParentId ?? DBNull.Value),
            ("$subs", string.Join(',', goal.SubMetrics)),
            ("$weights", goal.MonthWeights is { } w ? (object)string.Join(',', w.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) : DBNull.Value));
    }

    public bool DeleteGoal(Workspace workspace, string id)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Execute("DELETE FROM goals WHERE workspace_id = $ws AND id = $id", ("$ws", workspace.Id), ("$id", id)) > 0;
    }

    private List<Goal> ReadGoals(Workspace workspace, string sql, string? id)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$ws", workspace.Id);
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        using var reader = command.ExecuteReader();
        var goals = new List<Goal>();
        while (reader.Read())
        {
            goals.Add(ReadGoal(reader));
        }

        return goals;
    }

    private static Goal ReadGoal(SqliteDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        var subs = reader.GetString(8);
        return new Goal(reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetString(3))
        {
            Owner = Text(4),
            Description = Text(5),
            BusinessGoal = Text(6),
            ParentId = Text(7),
            SubMetrics = subs.Length == 0 ? [] : subs.Split(','),
            MonthWeights = Text(9)?.Split(',').Select(w => double.Parse(w, CultureInfo.InvariantCulture)).ToArray(),
        };
    }
}
