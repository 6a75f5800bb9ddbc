using Northstar.Core.Facts;

namespace Northstar.Storage.Sqlite.Tables;

/// <summary>
/// One fact kind's table: its columns (natural-key columns first, as in
/// <see cref="Core.Import.CanonicalLayout"/>, then values, then <c>properties</c>) and the SQL
/// the write session and reads use. Statements share one parameter layout: <c>?1</c> the
/// workspace id, <c>?2</c> the session's batch number, <c>?3</c>... the columns in order.
/// </summary>
internal abstract class FactTable
{
    protected FactTable(FactKind kind, string[] keyColumns, string[] valueColumns, string timeColumn, bool timeIsDate = false)
    {
        Kind = kind;
        Name = kind.ToString().ToLowerInvariant();
        KeyColumns = keyColumns;
        ValueColumns = [.. valueColumns, "properties"];
        Columns = [.. KeyColumns, .. ValueColumns];
        TimeColumn = timeColumn;
        TimeIsDate = timeIsDate;
    }

    public FactKind Kind { get; }

    /// <summary>The table name: the kind in lower case (<c>events</c>, <c>stages</c>...).</summary>
    public string Name { get; }

    public IReadOnlyList<string> KeyColumns { get; }

    public IReadOnlyList<string> ValueColumns { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>The kind's main timestamp, used by the summary.</summary>
    public string TimeColumn { get; }

    /// <summary>True when <see cref="TimeColumn"/> holds a date (TEXT) instead of unix microseconds.</summary>
    public bool TimeIsDate { get; }

    /// <summary>
    /// Inserts a row or replaces the stored row of the same natural key, unless that row was
    /// written by this same session (same batch): then nothing changes and
    /// <c>sqlite3_changes()</c> is 0, which the session follows up with <see cref="MatchSql"/>.
    /// </summary>
    public virtual string UpsertSql =>
        $"INSERT INTO {Name}(workspace_id, batch, {List(Columns)}) VALUES(?1, ?2, {Params(0, Columns.Count)}) " +
        $"ON CONFLICT(workspace_id, {List(KeyColumns)}) DO UPDATE SET {Assignments()} WHERE {Name}.batch <> excluded.batch";

    /// <summary>One row: (1, whether every value equals the bound ones) for the stored fact of the bound key.</summary>
    public virtual string MatchSql =>
        $"SELECT 1, {SameValues()} FROM {Name} WHERE workspace_id = ?1 AND " +
        string.Join(" AND ", KeyColumns.Select((c, i) => $"\"{c}\" = ?{i + 3}"));

    /// <summary>Every fact of a workspace, in natural-key order (the unique index gives it for free).</summary>
    public virtual string SelectSql =>
        $"SELECT {List(Columns)} FROM {Name} WHERE workspace_id = ?1 ORDER BY {List(KeyColumns)}";

    /// <summary>One row: count, earliest and latest <see cref="TimeColumn"/> of a workspace's facts (<c>?1</c>).</summary>
    public virtual string SummarySql => $"SELECT count(*), min(\"{TimeColumn}\"), max(\"{TimeColumn}\") FROM {Name} WHERE workspace_id = ?1";

    /// <summary>Deletes a workspace's facts (<c>$ws</c>); may be several statements.</summary>
    public virtual string ClearSql => $"DELETE FROM {Name} WHERE workspace_id = $ws";

    protected static string List(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    protected static string Params(int from, int count) =>
        string.Join(", ", Enumerable.Range(from, count).Select(i => $"?{i + 3}"));

    protected string Assignments() =>
        string.Join(", ", ValueColumns.Select(c => $"\"{c}\" = excluded.\"{c}\"").Append("batch = excluded.batch"));

    protected string SameValues() =>
        "(" + string.Join(" AND ", ValueColumns.Select((c, i) => $"\"{c}\" IS ?{KeyColumns.Count + i + 3}")) + ")";
}
