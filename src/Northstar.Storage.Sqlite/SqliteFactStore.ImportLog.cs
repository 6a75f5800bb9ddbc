using System.Text.Json;
using Northstar.Core.Import;
using Northstar.Core.Workspaces;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite;

/// <summary>
/// The import log: one row of <c>imports</c> per import. <c>errors</c> holds JSON
/// <c>{"error_count": N, "errors": [{"file", "line", "column", "reason"}, ...]}</c> (the errors
/// capped at <see cref="ImportLogEntry.MaxErrorsKept"/>, the count of all of them beside).
/// </summary>
public sealed partial class SqliteFactStore : IImportLog
{
    private static readonly JsonSerializerOptions ImportErrorJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public long RecordImport(Workspace workspace, ImportLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(entry);
        var report = new StoredImportErrors(entry.ErrorCount, [.. entry.Errors.Take(ImportLogEntry.MaxErrorsKept)]);
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO imports(workspace_id, kind, file_name, user_name, started_at, finished_at, rows_read, rows_imported, rows_rejected, outcome, errors)
            VALUES ($ws, $kind, $file, $user, $started, $finished, $read, $imported, $rejected, $outcome, $errors) RETURNING id
            """;
        command.Parameters.AddWithValue("$ws", workspace.Id);
        command.Parameters.AddWithValue("$kind", entry.Kind);
        command.Parameters.AddWithValue("$file", entry.FileName);
        command.Parameters.AddWithValue("$user", (object?)entry.UserName ?? DBNull.Value);
        command.Parameters.AddWithValue("$started", StoreValues.ToMicros(entry.StartedAt));
        command.Parameters.AddWithValue("$finished", StoreValues.ToMicros(entry.FinishedAt));
        command.Parameters.AddWithValue("$read", entry.RowsRead);
        command.Parameters.AddWithValue("$imported", entry.RowsImported);
        command.Parameters.AddWithValue("$rejected", entry.RowsRejected);
        command.Parameters.AddWithValue("$outcome", entry.Outcome);
        command.Parameters.AddWithValue("$errors", JsonSerializer.Serialize(report, ImportErrorJson));
        return (long)command.ExecuteScalar()!;
    }

    public IReadOnlyList<ImportLogEntry> ListImports(Workspace workspace, int limit = 100)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, kind, file_name, user_name, started_at, finished_at, rows_read, rows_imported, rows_rejected, outcome, errors
            FROM imports WHERE workspace_id = $ws ORDER BY id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$ws", workspace.Id);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var entries = new List<ImportLogEntry>();
        while (reader.Read())
        {
            var report = reader.IsDBNull(10) ? null : JsonSerializer.Deserialize<StoredImportErrors>(reader.GetString(10), ImportErrorJson);
            entries.Add(new ImportLogEntry(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                StoreValues.FromMicros(reader.GetInt64(4)), StoreValues.FromMicros(reader.GetInt64(5)),
                reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetString(9),
                report?.ErrorCount ?? 0, report?.Errors ?? []));
        }

        return entries;
    }

    /// <summary>The <c>errors</c> column's JSON.</summary>
    private sealed record StoredImportErrors(long ErrorCount, IReadOnlyList<ImportError> Errors);
}
