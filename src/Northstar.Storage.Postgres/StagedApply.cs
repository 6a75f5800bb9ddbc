using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.Postgres.Sql;
using Northstar.Storage.Postgres.Tables;
using Npgsql;

namespace Northstar.Storage.Postgres;

/// <summary>
/// Applies a session's staged rows at commit, in set-based SQL inside its transaction: an upsert
/// by natural key for every kind; for events into a workspace that has events, the staged events
/// compared with their stored versions, and the derived views (daily rollup, distinct actor
/// days, identity links, per-actor firsts) merged from the rows <see cref="EventDeltas"/>
/// gathered, with the contributions of the events they replace taken out. (Events into a
/// workspace without any skip this: the session copies them and their views straight in.)
/// </summary>
/// <remarks>
/// The common path (new events) only adds: rollup counts added, actor days inserted if new,
/// links and firsts replaced where the new event is earlier. The rare path (a stored event
/// replaced by a different one) subtracts the old rows from the rollup, and recomputes the actor
/// days, links and firsts of the actors the old rows had, from the events table.
/// </remarks>
internal sealed class StagedApply(NpgsqlConnection connection, long workspaceId)
{
    private const string Dims = "channel, source, medium, campaign, landing_page, page, cta, form, field, variant, asset";

    public void Apply(FactTable table, EventDeltas deltas)
    {
        if (table.Kind == FactKind.Events)
        {
            ApplyEvents(deltas);
        }
        else
        {
            Upsert(table);
        }
    }

    private void Upsert(FactTable table)
    {
        var columns = string.Join(", ", table.Columns);
        var values = table.ValueColumns.ToList();
        Exec($"""
            INSERT INTO {table.Name} (workspace_id, {columns}) SELECT $1, {columns} FROM {table.StagingName}
            ON CONFLICT (workspace_id, {string.Join(", ", table.Keys)}) DO UPDATE SET {string.Join(", ", values.Select(c => $"{c} = excluded.{c}"))}
            WHERE ROW({string.Join(", ", values.Select(c => $"{table.Name}.{c}"))}) IS DISTINCT FROM ROW({string.Join(", ", values.Select(c => $"excluded.{c}"))})
            """);
    }

    private void ApplyEvents(EventDeltas deltas)
    {
        var table = FactTables.Events;
        var columns = string.Join(", ", table.Columns);
        deltas.Write(connection, workspaceId, prefix: "d_");
        var values = table.ValueColumns.ToList();
        Exec("ANALYZE stg_events");
        Exec($"""
            CREATE TEMP TABLE old_events ON COMMIT DROP AS
            SELECT e.*, ROW({string.Join(", ", values.Select(c => "e." + c))}) IS NOT DISTINCT FROM ROW({string.Join(", ", values.Select(c => "s." + c))}) AS same
            FROM events e JOIN stg_events s ON s.id = e.id WHERE e.workspace_id = $1
            """);

        // The deltas count every staged event, also those equal to their stored version: take every stored version out.
        Rollup();
        Exec("DELETE FROM stg_events s USING old_events o WHERE o.same AND s.id = o.id");
        Exec("DELETE FROM old_events WHERE same");
        var changed = Db.Scalar(connection, "SELECT EXISTS (SELECT 1 FROM old_events)") is true;
        if (changed)
        {
            Exec("DELETE FROM events e USING old_events o WHERE e.workspace_id = $1 AND e.id = o.id");
            Exec("DELETE FROM event_rollup WHERE workspace_id = $1 AND count = 0");
        }

        Exec($"INSERT INTO events (workspace_id, {columns}) SELECT $1, {columns} FROM stg_events");
        ActorDays(changed);
        Identities(changed);
        Firsts(changed);
    }

    /// <summary>
    /// The gathered rollup deltas plus, as negative counts, every stored version of a staged event
    /// (<c>old_events</c> before the equal ones leave); a group that nets to nothing (a re-import) is left alone.
    /// </summary>
    private void Rollup() => Exec($"""
        INSERT INTO event_rollup (workspace_id, day, type, {Dims}, count, value)
        SELECT $1, day, type, {Dims}, sum(n), sum(v) FROM (
            SELECT day, type, {Dims}, count AS n, value AS v FROM d_event_rollup
            UNION ALL SELECT day, type, {Dims}, -1, -coalesce(value, 0) FROM old_events) d
        GROUP BY day, type, {Dims}
        HAVING sum(n) <> 0 OR sum(v) <> 0
        ON CONFLICT (workspace_id, day, type, {Dims})
        DO UPDATE SET count = event_rollup.count + excluded.count, value = event_rollup.value + excluded.value
        """);

    private void ActorDays(bool changed)
    {
        if (changed)
        {
            Exec("""
                DELETE FROM actor_days a USING (SELECT DISTINCT type, day, actor FROM old_events WHERE actor IS NOT NULL) o
                WHERE a.workspace_id = $1 AND a.type = o.type AND a.day = o.day AND a.actor = o.actor
                AND NOT EXISTS (SELECT 1 FROM events e WHERE e.workspace_id = $1 AND e.type = o.type AND e.day = o.day AND e.actor = o.actor)
                """);
        }

        Exec("INSERT INTO actor_days SELECT * FROM d_actor_days ON CONFLICT DO NOTHING");
    }

    private void Identities(bool changed)
    {
        const string Affected = "(SELECT anonymous_id FROM old_events WHERE contact_id IS NOT NULL AND anonymous_id IS NOT NULL)";
        if (changed)
        {
            Exec($"DELETE FROM identities WHERE workspace_id = $1 AND anonymous_id IN {Affected}");
            Exec(LinkSql($"events WHERE workspace_id = $1 AND anonymous_id IN {Affected} AND"));
        }

        Exec("""
            INSERT INTO identities SELECT * FROM d_identities
            ON CONFLICT (workspace_id, anonymous_id) DO UPDATE SET contact_id = excluded.contact_id, linked_at = excluded.linked_at, event_id = excluded.event_id
            WHERE ROW(excluded.linked_at, excluded.event_id) < ROW(identities.linked_at, identities.event_id)
            """);
    }

    private static string LinkSql(string sourceWhere) => $"""
        INSERT INTO identities (workspace_id, anonymous_id, contact_id, linked_at, event_id)
        SELECT DISTINCT ON (anonymous_id) $1, anonymous_id, contact_id, ts, id FROM {sourceWhere} anonymous_id IS NOT NULL AND contact_id IS NOT NULL
        ORDER BY anonymous_id, ts, id
        ON CONFLICT (workspace_id, anonymous_id) DO UPDATE SET contact_id = excluded.contact_id, linked_at = excluded.linked_at, event_id = excluded.event_id
        WHERE ROW(excluded.linked_at, excluded.event_id) < ROW(identities.linked_at, identities.event_id)
        """;

    private void Firsts(bool changed)
    {
        if (changed)
        {
            Exec("""
                DELETE FROM firsts WHERE workspace_id = $1 AND (
                    (is_contact AND actor_id IN (SELECT contact_id FROM old_events)) OR
                    (NOT is_contact AND actor_id IN (SELECT anonymous_id FROM old_events)))
                """);
            Exec(FirstsSql(
                "events WHERE workspace_id = $1 AND",
                "AND contact_id IN (SELECT contact_id FROM old_events)",
                "AND anonymous_id IN (SELECT anonymous_id FROM old_events)"));
        }

        Exec("""
            INSERT INTO firsts SELECT * FROM d_firsts
            ON CONFLICT (workspace_id, kind, is_contact, actor_id) DO UPDATE SET
                event_id = excluded.event_id, ts = excluded.ts, channel = excluded.channel, source = excluded.source,
                medium = excluded.medium, campaign = excluded.campaign, landing_page = excluded.landing_page
            WHERE ROW(excluded.ts, excluded.event_id) < ROW(firsts.ts, firsts.event_id)
            """);
    }

    /// <summary>The earliest event of each kind and actor among the source rows, kept where earlier than the stored first.</summary>
    private static string FirstsSql(string sourceWhere, string contactFilter, string anonymousFilter)
    {
        const string Fields = "id, ts, channel, source, medium, campaign, landing_page";
        var touch = $"(type = {(int)EventType.SessionStart} OR channel IS NOT NULL)";
        var form = $"type = {(int)EventType.FormSubmit}";
        string Part(FirstKind kind, bool contact, string predicate) => contact
            ? $"SELECT {(int)kind}::smallint AS kind, true AS is_contact, contact_id AS actor, {Fields} FROM {sourceWhere} contact_id IS NOT NULL AND {predicate} {contactFilter}"
            : $"SELECT {(int)kind}::smallint, false, anonymous_id, {Fields} FROM {sourceWhere} anonymous_id IS NOT NULL AND {predicate} {anonymousFilter}";
        return $"""
            INSERT INTO firsts (workspace_id, kind, is_contact, actor_id, event_id, ts, channel, source, medium, campaign, landing_page)
            SELECT DISTINCT ON (kind, is_contact, actor) $1, kind, is_contact, actor, {Fields} FROM (
                {Part(FirstKind.Touch, true, touch)}
                UNION ALL {Part(FirstKind.Touch, false, touch)}
                UNION ALL {Part(FirstKind.FormSubmit, true, form)}
                UNION ALL {Part(FirstKind.FormSubmit, false, form)}
                UNION ALL {Part(FirstKind.AnyEvent, true, "true")}) x
            ORDER BY kind, is_contact, actor, ts, id
            ON CONFLICT (workspace_id, kind, is_contact, actor_id) DO UPDATE SET
                event_id = excluded.event_id, ts = excluded.ts, channel = excluded.channel, source = excluded.source,
                medium = excluded.medium, campaign = excluded.campaign, landing_page = excluded.landing_page
            WHERE ROW(excluded.ts, excluded.event_id) < ROW(firsts.ts, firsts.event_id)
            """;
    }

    /// <summary>Runs one statement without a time limit (a large commit takes long); $1 is the workspace id, $2... <paramref name="more"/>.</summary>
    private int Exec(string sql, params object?[] more)
    {
        using var command = sql.Contains("$1", StringComparison.Ordinal) ? Db.Command(connection, sql, [workspaceId, .. more]) : Db.Command(connection, sql);
        command.CommandTimeout = 0;
        return command.ExecuteNonQuery();
    }
}
