using Northstar.Core.Metrics;
using Northstar.Core.Workspaces;

namespace Northstar.Storage.Sqlite;

/// <summary>Custom KPIs and workspace settings: small tables, read and written through the pooled connections.</summary>
public sealed partial class SqliteFactStore : ICustomKpiStore
{
    public IReadOnlyList<KpiDefinition> ListCustomKpis(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, unit, direction, definition, formula FROM custom_kpis WHERE workspace_id = $ws ORDER BY id";
        command.Parameters.AddWithValue("$ws", workspace.Id);
        using var reader = command.ExecuteReader();
        var kpis = new List<KpiDefinition>();
        while (reader.Read())
        {
            kpis.Add(new KpiDefinition(
                reader.GetString(0),
                reader.GetString(1),
                Enum.Parse<KpiUnit>(reader.GetString(2)),
                Enum.Parse<KpiDirection>(reader.GetString(3)),
                reader.GetString(4),
                [])
            {
                Formula = reader.GetString(5),
            });
        }

        return kpis;
    }

    public void SaveCustomKpi(Workspace workspace, KpiDefinition kpi)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(kpi);
        if (kpi.Formula is null)
        {
            throw new ArgumentException("A custom KPI needs a formula.", nameof(kpi));
        }

        Execute(
            "INSERT INTO custom_kpis(workspace_id, id, name, unit, direction, definition, formula) VALUES ($ws, $id, $name, $unit, $direction, $definition, $formula) " +
            "ON CONFLICT(workspace_id, id) DO UPDATE SET name = excluded.name, unit = excluded.unit, direction = excluded.direction, definition = excluded.definition, formula = excluded.formula",
            ("$ws", workspace.Id),
            ("$id", kpi.Id),
            ("$name", kpi.Name),
            ("$unit", kpi.Unit.ToString()),
            ("$direction", kpi.Direction.ToString()),
            ("$definition", kpi.Definition),
            ("$formula", kpi.Formula));
    }

    public bool DeleteCustomKpi(Workspace workspace, string id)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Execute("DELETE FROM custom_kpis WHERE workspace_id = $ws AND id = $id", ("$ws", workspace.Id), ("$id", id)) > 0;
    }

    public string? GetSetting(Workspace workspace, string key)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM workspace_settings WHERE workspace_id = $ws AND key = $key";
        command.Parameters.AddWithValue("$ws", workspace.Id);
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    public void SetSetting(Workspace workspace, string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (value is null)
        {
            Execute("DELETE FROM workspace_settings WHERE workspace_id = $ws AND key = $key", ("$ws", workspace.Id), ("$key", key));
            return;
        }

        Execute(
            "INSERT INTO workspace_settings(workspace_id, key, value) VALUES ($ws, $key, $value) ON CONFLICT(workspace_id, key) DO UPDATE SET value = excluded.value",
            ("$ws", workspace.Id),
            ("$key", key),
            ("$value", value));
    }

    private int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }
}
