using System.Text.Json;
using Northstar.Core.Goals;
using Northstar.Core.Import;
using Northstar.Core.Metrics;
using Northstar.Core.Workspaces;
using Northstar.Storage.ClickHouse.Client;

namespace Northstar.Storage.ClickHouse;

/// <summary>
/// The product's records: one ReplacingMergeTree table on the main server, a row per record
/// (collection, key) with a JSON body; the newest version wins (read with FINAL), a deletion is
/// a newer row marked deleted.
/// </summary>
public sealed partial class ClickHouseFactStore : ICustomKpiStore, IGoalStore, IImportLog
{
    public IReadOnlyList<KpiDefinition> ListCustomKpis(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return [.. ReadRecords(Scoped("kpi", workspace))
            .Select(r => JsonSerializer.Deserialize<StoredKpi>(r.Body, Json)!)
            .Select(k => new KpiDefinition(k.Id, k.Name, k.Unit, k.Direction, k.Definition, []) { Formula = k.Formula })
            .OrderBy(k => k.Id, StringComparer.Ordinal)];
    }

    public void SaveCustomKpi(Workspace workspace, KpiDefinition kpi)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(kpi);
        if (kpi.Formula is null)
        {
            throw new ArgumentException("A custom KPI needs a formula.", nameof(kpi));
        }

        var stored = new StoredKpi(kpi.Id, kpi.Name, kpi.Unit, kpi.Direction, kpi.Definition, kpi.Formula);
        PutRecord(Scoped("kpi", workspace), kpi.Id, JsonSerializer.Serialize(stored, Json));
    }

    public bool DeleteCustomKpi(Workspace workspace, string id)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return DeleteRecord(Scoped("kpi", workspace), id);
    }

    public string? GetSetting(Workspace workspace, string key)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return GetRecord(Scoped("setting", workspace), key);
    }

    public void SetSetting(Workspace workspace, string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(key);
        if (value is null)
        {
            DeleteRecord(Scoped("setting", workspace), key);
        }
        else
        {
            PutRecord(Scoped("setting", workspace), key, value);
        }
    }

    public IReadOnlyList<Goal> ListGoals(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return [.. ReadRecords(Scoped("goal", workspace)).Select(r => JsonSerializer.Deserialize<Goal>(r.Body, Json)!).OrderBy(g => g.Id, StringComparer.Ordinal)];
    }

    public Goal? GetGoal(Workspace workspace, string id)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return GetRecord(Scoped("goal", workspace), id) is { } body ? JsonSerializer.Deserialize<Goal>(body, Json) : null;
    }

    public void SaveGoal(Workspace workspace, Goal goal)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(goal);
        PutRecord(Scoped("goal", workspace), goal.Id, JsonSerializer.Serialize(goal, Json));
    }

    public bool DeleteGoal(Workspace workspace, string id)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return DeleteRecord(Scoped("goal", workspace), id);
    }

    public long RecordImport(Workspace workspace, ImportLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var id = NextId(Scoped("import", workspace));
            PutRecord(Scoped("import", workspace), Key(id), JsonSerializer.Serialize(entry with { Id = id, Errors = [.. entry.Errors.Take(ImportLogEntry.MaxErrorsKept)] }, Json));
            return id;
        }
    }

    public IReadOnlyList<ImportLogEntry> ListImports(Workspace workspace, int limit = 100)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return [.. ReadRecords(Scoped("import", workspace), $"ORDER BY key DESC LIMIT {Math.Max(0, limit)}")
            .Select(r => JsonSerializer.Deserialize<ImportLogEntry>(r.Body, Json)!)];
    }

    internal IReadOnlyList<(string Key, string Body)> ReadRecords(string collection, string tail = "") =>
        [.. Main.Query(
            $"SELECT key, body FROM records FINAL WHERE collection = {ClickHouseClient.Quote(collection)} AND deleted = 0 {tail}",
            r => (r.String(), r.String()))];

    internal string? GetRecord(string collection, string key) =>
        Main.Query(
            $"SELECT body FROM records FINAL WHERE collection = {ClickHouseClient.Quote(collection)} AND key = {ClickHouseClient.Quote(key)} AND deleted = 0",
            r => r.String()).FirstOrDefault();

    internal void PutRecord(string collection, string key, string body) => WriteRecord(collection, key, body, deleted: false);

    /// <summary>Deletes a record; false when there was none.</summary>
    internal bool DeleteRecord(string collection, string key)
    {
        lock (_gate)
        {
            if (GetRecord(collection, key) is null)
            {
                return false;
            }

            WriteRecord(collection, key, "", deleted: true);
            return true;
        }
    }

    /// <summary>The next id of a collection keyed by <see cref="Key(long)"/> (call under the gate).</summary>
    internal long NextId(string collection) =>
        long.Parse(
            Main.QueryValue($"SELECT max(toInt64(key)) FROM records FINAL WHERE collection = {ClickHouseClient.Quote(collection)}") ?? "0",
            System.Globalization.CultureInfo.InvariantCulture) + 1;

    private static string Scoped(string collection, Workspace workspace) => $"{collection}:{workspace.Id}";

    private void WriteRecord(string collection, string key, string body, bool deleted)
    {
        var w = new RowBinaryWriter(256 + body.Length * 3);
        w.String(collection);
        w.String(key);
        w.UInt64(NextVersion());
        w.Bool(deleted);
        w.String(body);
        Main.Insert("records", "collection, key, ver, deleted, body", w.Written);
    }

    private sealed record StoredKpi(string Id, string Name, KpiUnit Unit, KpiDirection Direction, string Definition, string Formula);
}
