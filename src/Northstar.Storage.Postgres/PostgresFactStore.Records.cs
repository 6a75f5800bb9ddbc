using System.Text.Json;
using Northstar.Core.Goals;
using Northstar.Core.Import;
using Northstar.Core.Metrics;
using Northstar.Core.Workspaces;
using Northstar.Storage.Postgres.Sql;
using Npgsql;

namespace Northstar.Storage.Postgres;

/// <summary>
/// Custom KPIs and workspace settings, goals and the import log: small tables, same behaviour as
/// the SQLite store's. Goals keep sub-metrics as <c>text[]</c> and month weights as
/// <c>double precision[]</c> (NULL for an even split); the import log's errors are JSON
/// <c>{"error_count": N, "errors": [...]}</c>, the errors capped at <see cref="ImportLogEntry.MaxErrorsKept"/>.
/// </summary>
public sealed partial class PostgresFactStore
{
    private const string GoalColumns = "id, kpi, target, period, owner, description, business_goal, parent_id, sub_metrics, month_weights";

    private static readonly JsonSerializerOptions ImportErrorJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public IReadOnlyList<KpiDefinition> ListCustomKpis(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Run(
            c => Db.Query(
                c, "SELECT id, name, unit, direction, definition, formula FROM custom_kpis WHERE workspace_id = $1 ORDER BY id",
                r => new KpiDefinition(r.GetString(0), r.GetString(1), Enum.Parse<KpiUnit>(r.GetString(2)), Enum.Parse<KpiDirection>(r.GetString(3)), r.GetString(4), [])
                {
                    Formula = r.GetString(5),
                },
                workspace.Id),
            write: false);
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
            "INSERT INTO custom_kpis(workspace_id, id, name, unit, direction, definition, formula) VALUES ($1, $2, $3, $4, $5, $6, $7) " +
            "ON CONFLICT (workspace_id, id) DO UPDATE SET name = excluded.name, unit = excluded.unit, direction = excluded.direction, definition = excluded.definition, formula = excluded.formula",
            workspace.Id, kpi.Id, kpi.Name, kpi.Unit.ToString(), kpi.Direction.ToString(), kpi.Definition, kpi.Formula);
    }

    public bool DeleteCustomKpi(Workspace workspace, string id)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Execute("DELETE FROM custom_kpis WHERE workspace_id = $1 AND id = $2", workspace.Id, id) > 0;
    }

    public string? GetSetting(Workspace workspace, string key)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Run(c => Db.Scalar(c, "SELECT value FROM workspace_settings WHERE workspace_id = $1 AND key = $2", workspace.Id, key) as string, write: false);
    }

    public void SetSetting(Workspace workspace, string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (value is null)
        {
            Execute("DELETE FROM workspace_settings WHERE workspace_id = $1 AND key = $2", workspace.Id, key);
            return;
        }

        Execute(
            "INSERT INTO workspace_settings(workspace_id, key, value) VALUES ($1, $2, $3) ON CONFLICT (workspace_id, key) DO UPDATE SET value = excluded.value",
            workspace.Id, key, value);
    }

    public IReadOnlyList<Goal> ListGoals(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Run(c => Db.Query(c, $"SELECT {GoalColumns} FROM goals WHERE workspace_id = $1 ORDER BY id", ReadGoal, workspace.Id), write: false);
    }

    public Goal? GetGoal(Workspace workspace, string id)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Run(c => Db.Query(c, $"SELECT {GoalColumns} FROM goals WHERE workspace_id = $1 AND id = $2", ReadGoal, workspace.Id, id), write: false)
            .SingleOrDefault();
    }

    public void SaveGoal(Workspace workspace, Goal goal)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(goal);
        Execute(
            $"""
            INSERT INTO goals(workspace_id, {GoalColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (workspace_id, id) DO UPDATE SET kpi = excluded.kpi, target = excluded.target, period = excluded.period,
                owner = excluded.owner, description = excluded.description, business_goal = excluded.business_goal,
                parent_id = excluded.parent_id, sub_metrics = excluded.sub_metrics, month_weights = excluded.month_weights
            """,
            workspace.Id, goal.Id, goal.Kpi, goal.Target, goal.Period, goal.Owner, goal.Description, goal.BusinessGoal, goal.ParentId,
            goal.SubMetrics.ToArray(), goal.MonthWeights?.ToArray());
    }

    public bool DeleteGoal(Workspace workspace, string id)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Execute("DELETE FROM goals WHERE workspace_id = $1 AND id = $2", workspace.Id, id) > 0;
    }

    public long RecordImport(Workspace workspace, ImportLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(entry);
        var report = new StoredImportErrors(entry.ErrorCount, [.. entry.Errors.Take(ImportLogEntry.MaxErrorsKept)]);
        return Run(c => (long)Db.Scalar(
            c,
            """
            INSERT INTO imports(workspace_id, kind, file_name, user_name, started_at, finished_at, rows_read, rows_imported, rows_rejected, outcome, errors)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb) RETURNING id
            """,
            workspace.Id, entry.Kind, entry.FileName, entry.UserName, entry.StartedAt.UtcDateTime, entry.FinishedAt.UtcDateTime,
            entry.RowsRead, entry.RowsImported, entry.RowsRejected, entry.Outcome, JsonSerializer.Serialize(report, ImportErrorJson))!);
    }

    public IReadOnlyList<ImportLogEntry> ListImports(Workspace workspace, int limit = 100)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Run(
            c => Db.Query(
                c,
                """
                SELECT id, kind, file_name, user_name, started_at, finished_at, rows_read, rows_imported, rows_rejected, outcome, errors::text
                FROM imports WHERE workspace_id = $1 ORDER BY id DESC LIMIT $2
                """,
                r =>
                {
                    var report = r.IsDBNull(10) ? null : JsonSerializer.Deserialize<StoredImportErrors>(r.GetString(10), ImportErrorJson);
                    return new ImportLogEntry(
                        r.GetInt64(0), r.GetString(1), r.GetString(2), r.Text(3), r.Time(4), r.Time(5),
                        r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetString(9), report?.ErrorCount ?? 0, report?.Errors ?? []);
                },
                workspace.Id, limit),
            write: false);
    }

    private int Execute(string sql, params object?[] args) => Run(c => Db.Exec(c, sql, args));

    private static Goal ReadGoal(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetString(3))
        {
            Owner = r.Text(4),
            Description = r.Text(5),
            BusinessGoal = r.Text(6),
            ParentId = r.Text(7),
            SubMetrics = r.GetFieldValue<string[]>(8),
            MonthWeights = r.IsDBNull(9) ? null : r.GetFieldValue<double[]>(9),
        };

    /// <summary>The <c>errors</c> column's JSON.</summary>
    private sealed record StoredImportErrors(long ErrorCount, IReadOnlyList<ImportError> Errors);
}
