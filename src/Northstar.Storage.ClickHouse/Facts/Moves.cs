namespace Northstar.Storage.ClickHouse.Facts;

/// <summary>
/// The statements that move rows inside one shard: a write session's commit (cancel the stored
/// rows it replaces, then insert its new and changed rows) and clearing a workspace. Each is one
/// INSERT ... SELECT; the materialized views carry the signed rows on into the views.
/// </summary>
internal static class Moves
{
    /// <summary>
    /// Cancels (sign -1, a copy of the row) every stored row of the workspace whose key is staged
    /// with other values.
    /// </summary>
    public static string CancelReplaced(FactTable table, long ws, string stage) =>
        $"""
        INSERT INTO {table.Name} ({table.AllColumns})
        SELECT ws, day, key, ver, toInt8(-1), row_hash, main_ts, {table.ValueColumns}
        FROM {table.Name} FINAL
        WHERE ws = {ws} AND key IN (SELECT key FROM {stage}) AND (key, row_hash) NOT IN (SELECT key, row_hash FROM {stage})
        """;

    /// <summary>Inserts the staged rows not stored already with the same values, as version <paramref name="version"/>.</summary>
    public static string InsertStaged(FactTable table, long ws, string stage, ulong version) =>
        $"""
        INSERT INTO {table.Name} ({table.AllColumns})
        SELECT ws, day, key, toUInt64({version}), toInt8(1), row_hash, main_ts, {table.ValueColumns}
        FROM {stage}
        WHERE (key, row_hash) NOT IN (SELECT key, row_hash FROM {table.Name} FINAL WHERE ws = {ws} AND key IN (SELECT key FROM {stage}))
        """;

    /// <summary>Inserts every staged row, as version <paramref name="version"/> (when the table holds no row of the workspace).</summary>
    public static string InsertAll(FactTable table, string stage, ulong version) =>
        $"""
        INSERT INTO {table.Name} ({table.AllColumns})
        SELECT ws, day, key, toUInt64({version}), toInt8(1), row_hash, main_ts, {table.ValueColumns}
        FROM {stage}
        """;

    /// <summary>1 when the table holds any row of the workspace (a cancelled one too), else 0.</summary>
    public static string AnyRow(FactTable table, long ws) =>
        $"SELECT count() FROM (SELECT 1 FROM {table.Name} WHERE ws = {ws} LIMIT 1)";

    /// <summary>Cancels every stored row of the workspace.</summary>
    public static string CancelAll(FactTable table, long ws) =>
        $"""
        INSERT INTO {table.Name} ({table.AllColumns})
        SELECT ws, day, key, ver, toInt8(-1), row_hash, main_ts, {table.ValueColumns}
        FROM {table.Name} FINAL
        WHERE ws = {ws}
        """;
}
