using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Tables;

/// <summary>
/// Events, the hot path. Rows are appended batch by batch (a batch in key order, which keeps
/// the index inserts local); a unique index on <c>key_hash</c>,
/// a 63-bit hash of (workspace, event id) (<see cref="Events.EventKeyHash"/>), finds a known
/// event. The index is small (a key and a row id per event), so the random part of every insert
/// stays in cache however large the table grows. The id text is kept and checked, so a hash
/// collision never overwrites another event (the session probes the next key instead). Parameter <c>?{<see cref="KeyParameter"/>}</c> is the hash.
/// </summary>
internal sealed class EventTable() : FactTable<EventFact>(
    FactKind.Events,
    ["id"],
    ["timestamp", "type", "anonymous_id", "contact_id", "session_id", "source", "medium", "campaign", "channel",
     "landing_page", "page", "referrer", "cta", "form", "field", "variant", "asset", "value"],
    "timestamp")
{
    public int KeyParameter => Columns.Count + 3;

    /// <summary>Replaces only a row of the same workspace and id written by another session.</summary>
    public override string UpsertSql =>
        $"INSERT INTO events(workspace_id, batch, {List(Columns)}, key_hash) VALUES(?1, ?2, {Params(0, Columns.Count)}, ?{KeyParameter}) " +
        $"ON CONFLICT(key_hash) DO UPDATE SET {Assignments()} " +
        "WHERE events.workspace_id = excluded.workspace_id AND events.id = excluded.id AND events.batch <> excluded.batch";

    /// <summary>(is it this event, are the values the same) for the row stored under the bound hash.</summary>
    public override string MatchSql =>
        $"SELECT workspace_id = ?1 AND id = ?3, {SameValues()} FROM events WHERE key_hash = ?{KeyParameter}";

    /// <summary>Events come in hash order, which is no meaningful order; sorting by id would need a second index.</summary>
    public override string SelectSql => $"SELECT {List(Columns)} FROM events WHERE workspace_id = ?1";

    public override void Bind(RowBinder row, EventFact fact)
    {
        row.Text(fact.Id);
        row.Time(fact.Timestamp);
        row.Enum(fact.Type);
        row.Text(fact.AnonymousId);
        row.Text(fact.ContactId);
        row.Text(fact.SessionId);
        row.Text(fact.Source);
        row.Text(fact.Medium);
        row.Text(fact.Campaign);
        row.Text(fact.Channel);
        row.Text(fact.LandingPage);
        row.Text(fact.Page);
        row.Text(fact.Referrer);
        row.Text(fact.Cta);
        row.Text(fact.Form);
        row.Text(fact.Field);
        row.Text(fact.Variant);
        row.Text(fact.Asset);
        row.Decimal(fact.Value);
        row.Properties(fact.Properties);
    }

    public override EventFact Read(RowReader row) => new()
    {
        Id = row.Text(),
        Timestamp = row.Time(),
        Type = row.Enum<EventType>(),
        AnonymousId = row.TextOrNull(),
        ContactId = row.TextOrNull(),
        SessionId = row.TextOrNull(),
        Source = row.TextOrNull(),
        Medium = row.TextOrNull(),
        Campaign = row.TextOrNull(),
        Channel = row.TextOrNull(),
        LandingPage = row.TextOrNull(),
        Page = row.TextOrNull(),
        Referrer = row.TextOrNull(),
        Cta = row.TextOrNull(),
        Form = row.TextOrNull(),
        Field = row.TextOrNull(),
        Variant = row.TextOrNull(),
        Asset = row.TextOrNull(),
        Value = row.DecimalOrNull(),
        Properties = row.Properties(),
    };
}
