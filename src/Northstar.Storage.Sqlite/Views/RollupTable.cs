using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.Sqlite.Sql;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// The daily event rollup table, <c>event_rollup</c>: one row per (workspace, type, day, dimension
/// values) with its count and value sum (decimal TEXT); <c>day</c> is the local day's
/// <see cref="DateOnly.DayNumber"/>. Rows are found by the (workspace, type, day) index; dimension
/// values can be NULL, so a key is matched in C# among the few rows of its day.
/// </summary>
internal static class RollupTable
{
    private const string DimColumns = "channel, source, medium, campaign, landing_page, page, cta, form, field, variant, asset";

    /// <summary>Adds signed changes to the stored rows: a row reaching count 0 goes, a new key gets a row.</summary>
    public static void Merge(sqlite3 db, long workspaceId, Dictionary<RollupKey, RollupSum> delta)
    {
        using var select = new Statement(db, $"SELECT rowid, {DimColumns}, count, value FROM event_rollup WHERE workspace_id = ?1 AND type = ?2 AND day = ?3");
        using var insert = new Statement(db, $"INSERT INTO event_rollup(workspace_id, type, day, {DimColumns}, count, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
        using var update = new Statement(db, "UPDATE event_rollup SET count = ?2, value = ?3 WHERE rowid = ?1");
        using var delete = new Statement(db, "DELETE FROM event_rollup WHERE rowid = ?1");
        foreach (var day in delta.Where(d => d.Value.Count != 0 || d.Value.Value != 0).GroupBy(d => (d.Key.Type, d.Key.Day)))
        {
            var type = SnakeCaseNames<EventType>.Name(day.Key.Type);
            var stored = new Dictionary<EventDims, (long RowId, RollupSum Sum)>();
            foreach (var row in select.Int(1, workspaceId).Text(2, type).Int(3, day.Key.Day).Rows())
            {
                var rowId = row.Int();
                stored[ReadDims(row)] = (rowId, new RollupSum(row.Int(), row.Decimal()));
            }

            foreach (var (key, change) in day)
            {
                if (!stored.TryGetValue(key.Dims, out var current))
                {
                    insert.Int(1, workspaceId).Text(2, type).Int(3, key.Day);
                    BindDims(insert, 4, key.Dims);
                    insert.Int(15, change.Count).Decimal(16, change.Value).Run();
                }
                else if (current.Sum.Count + change.Count == 0)
                {
                    delete.Int(1, current.RowId).Run();
                }
                else
                {
                    update.Int(1, current.RowId).Int(2, current.Sum.Count + change.Count).Decimal(3, current.Sum.Value + change.Value).Run();
                }
            }
        }
    }

    /// <summary>The rows of the given types (every type when null) with a day in the range.</summary>
    public static List<EventRollupRow> Read(sqlite3 db, long workspaceId, DateRange range, IReadOnlyCollection<EventType>? types)
    {
        using var select = new Statement(db, $"SELECT day, {DimColumns}, count, value FROM event_rollup WHERE workspace_id = ?1 AND type = ?2 AND day >= ?3 AND day < ?4");
        var rows = new List<EventRollupRow>();
        foreach (var type in types?.Distinct() ?? Enum.GetValues<EventType>())
        {
            select.Int(1, workspaceId).Text(2, SnakeCaseNames<EventType>.Name(type)).Int(3, range.Start.DayNumber).Int(4, range.End.DayNumber);
            foreach (var row in select.Rows())
            {
                var day = DateOnly.FromDayNumber((int)row.Int());
                var dims = ReadDims(row);
                rows.Add(new EventRollupRow(day, type, dims, row.Int(), row.Decimal()));
            }
        }

        return rows;
    }

    private static EventDims ReadDims(RowReader row) => new(
        row.TextOrNull(), row.TextOrNull(), row.TextOrNull(), row.TextOrNull(), row.TextOrNull(), row.TextOrNull(),
        row.TextOrNull(), row.TextOrNull(), row.TextOrNull(), row.TextOrNull(), row.TextOrNull());

    private static void BindDims(Statement statement, int first, EventDims dims)
    {
        string?[] values = [dims.Channel, dims.Source, dims.Medium, dims.Campaign, dims.LandingPage, dims.Page, dims.Cta, dims.Form, dims.Field, dims.Variant, dims.Asset];
        for (var i = 0; i < values.Length; i++)
        {
            statement.Text(first + i, values[i]);
        }
    }
}
