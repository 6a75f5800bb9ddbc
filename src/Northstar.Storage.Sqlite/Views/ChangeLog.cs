using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// The fallback of <see cref="EventUpdateLog"/> when e_sqlite3 lacks the pre-update hook (slow:
/// the trigger makes every upsert open a statement journal). Records, on a write session's own connection, every update of a stored event that changes
/// something the views read: a TEMP trigger writes the old values (sign -1) and the new ones
/// (+1) into a TEMP table. Inserts do not fire it (the collector counts those), and a re-import
/// of identical rows changes nothing the trigger looks at, so it costs nothing then.
/// </summary>
internal static class ChangeLog
{
    /// <summary>The event columns the views read, in the order <see cref="ToFact"/> takes them.</summary>
    public static readonly string[] Columns =
        ["id", "timestamp", "type", "anonymous_id", "contact_id", "source", "medium", "campaign", "channel",
         "landing_page", "page", "cta", "form", "field", "variant", "asset", "value"];

    /// <summary>Creates the log and its trigger (before the session prepares its upserts).</summary>
    public static void Create(sqlite3 db)
    {
        var list = string.Join(", ", Columns);
        var changed = string.Join(" OR ", Columns.Skip(1).Select(c => $"OLD.{c} IS NOT NEW.{c}"));
        NativeSql.Exec(db, $"""
            CREATE TEMP TABLE event_changes(sign INTEGER NOT NULL, {list});
            CREATE TEMP TRIGGER event_changes_log AFTER UPDATE ON main.events WHEN {changed}
            BEGIN
                INSERT INTO event_changes VALUES (-1, {string.Join(", ", Columns.Select(c => "OLD." + c))});
                INSERT INTO event_changes VALUES (1, {string.Join(", ", Columns.Select(c => "NEW." + c))});
            END;
            """);
    }

    /// <summary>The logged changes in order (old then new for each update), emptying the log.</summary>
    public static List<(int Sign, EventFact Fact)> Drain(sqlite3 db)
    {
        var changes = new List<(int, EventFact)>();
        using (var select = new Statement(db, $"SELECT sign, {string.Join(", ", Columns)} FROM event_changes ORDER BY rowid"))
        {
            foreach (var row in select.Rows())
            {
                changes.Add(((int)row.Int(), Read(row)));
            }
        }

        NativeSql.Exec(db, "DELETE FROM event_changes");
        return changes;
    }

    /// <summary>An event from <see cref="Columns"/>' values as stored text (the timestamp as unix microseconds).</summary>
    public static EventFact ToFact(string?[] values, long timestamp) => new()
    {
        Id = values[0]!,
        Timestamp = StoreValues.FromMicros(timestamp),
        Type = EnumNames<EventType>.Parse(values[2]!),
        AnonymousId = values[3],
        ContactId = values[4],
        Source = values[5],
        Medium = values[6],
        Campaign = values[7],
        Channel = values[8],
        LandingPage = values[9],
        Page = values[10],
        Cta = values[11],
        Form = values[12],
        Field = values[13],
        Variant = values[14],
        Asset = values[15],
        Value = values[16] is { } v ? decimal.Parse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) : null,
    };

    private static EventFact Read(RowReader row) => new()
    {
        Id = row.Text(),
        Timestamp = row.Time(),
        Type = row.Enum<EventType>(),
        AnonymousId = row.TextOrNull(),
        ContactId = row.TextOrNull(),
        Source = row.TextOrNull(),
        Medium = row.TextOrNull(),
        Campaign = row.TextOrNull(),
        Channel = row.TextOrNull(),
        LandingPage = row.TextOrNull(),
        Page = row.TextOrNull(),
        Cta = row.TextOrNull(),
        Form = row.TextOrNull(),
        Field = row.TextOrNull(),
        Variant = row.TextOrNull(),
        Asset = row.TextOrNull(),
        Value = row.DecimalOrNull(),
    };
}
