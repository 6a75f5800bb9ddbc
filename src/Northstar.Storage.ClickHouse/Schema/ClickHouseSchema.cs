using Northstar.Core.Metrics.Views;
using Northstar.Storage.ClickHouse.Facts;

namespace Northstar.Storage.ClickHouse.Schema;

/// <summary>
/// The tables of one database on one server (every shard of a cluster has all of them), and the
/// Distributed tables over a cluster. Each step is idempotent (<c>IF NOT EXISTS</c>); the
/// version table records the last step applied, so a newer schema adds steps at the end.
/// </summary>
internal static class ClickHouseSchema
{
    /// <summary>The schema version this build writes.</summary>
    public static int Version => 3;

    /// <summary>The tables that reads go through (Distributed over a cluster, else the local table).</summary>
    public static IEnumerable<string> ReadTables =>
        FactTables.All.Select(t => t.Name).Append("event_rollup").Append("actor_day").Append(ActorFirsts.Table);

    /// <summary>
    /// Version 1: the fact tables, the views fed from events, the commit log and the records;
    /// version 2: <see cref="ActorFirsts"/> (a database at version 1 gets it filled from its events
    /// when opened, see <see cref="ClickHouseFactStore.Open"/>); version 3: <see cref="KeptStageRollup"/>'s
    /// tables (created on every server like the records, used on the main one only; an existing
    /// database has no rollup kept until its first reader or import keeps one).
    /// </summary>
    public static IEnumerable<string> Steps()
    {
        yield return "CREATE TABLE IF NOT EXISTS schema_version (version UInt32) ENGINE = TinyLog";
        foreach (var table in FactTables.All)
        {
            yield return table.Ddl(table.Name);
        }

        // The daily event rollup: one row per (day, type, dimension values), summed. Every row
        // into events (+1) and every cancellation of one (-1) flows in with its sign, so a
        // replaced event's old contribution is taken out. NULL dimensions are '' here with their
        // bit set in dim_nulls (a sort key cannot hold Nullable columns in 18.16). The feed
        // sums each inserted block first (a materialized view sees one block at a time), so the
        // rollup receives one row per group and block instead of one per event.
        var dims = EventDimColumns;
        yield return $"""
            CREATE TABLE IF NOT EXISTS event_rollup (
                ws UInt64, day Date, type String, dim_nulls UInt16, {string.Join(", ", dims.Select(d => d + " String"))},
                n Int64, value Decimal128(12))
            ENGINE = SummingMergeTree((n, value))
            PARTITION BY toYYYYMM(day)
            ORDER BY (ws, day, type, dim_nulls, {string.Join(", ", dims)})
            """;
        yield return $"CREATE MATERIALIZED VIEW IF NOT EXISTS event_rollup_feed TO event_rollup AS {RollupFeed("events")}";

        // Actors per type and day (the distinct-actor counts), for the kept types only.
        yield return """
            CREATE TABLE IF NOT EXISTS actor_day (ws UInt64, type String, day Date, actor Int64, n Int64)
            ENGINE = SummingMergeTree(n)
            PARTITION BY toYYYYMM(day)
            ORDER BY (ws, type, day, actor)
            """;
        yield return $"CREATE MATERIALIZED VIEW IF NOT EXISTS actor_day_feed TO actor_day AS {ActorDayFeed("events")}";

        yield return "CREATE TABLE IF NOT EXISTS commits (ws UInt64, ver UInt64) ENGINE = MergeTree ORDER BY (ws, ver)";
        yield return """
            CREATE TABLE IF NOT EXISTS records (collection String, key String, ver UInt64, deleted UInt8, body String)
            ENGINE = ReplacingMergeTree(ver)
            ORDER BY (collection, key)
            """;

        // Version 2.
        yield return ActorFirsts.Ddl;

        // Version 3.
        foreach (var ddl in KeptStageRollup.Ddl)
        {
            yield return ddl;
        }
    }

    /// <summary>The rows of the event rollup that the event rows of <paramref name="source"/> (signed) contribute, summed.</summary>
    public static string RollupFeed(string source, string where = "") =>
        $"""
        SELECT ws, day, type, dim_nulls, {string.Join(", ", EventDimColumns.Select(d => $"ifNull({d}, '') AS {d}"))},
            sum(toInt64(sign)) AS n, sum(value_num * sign) AS value
        FROM {source} {(where.Length == 0 ? "" : "WHERE " + where)}
        GROUP BY ws, day, type, dim_nulls, {string.Join(", ", EventDimColumns)}
        """;

    /// <summary>The rows of the actor-day table that the event rows of <paramref name="source"/> (signed) contribute, summed.</summary>
    public static string ActorDayFeed(string source, string where = "")
    {
        var kept = string.Join(", ", DistinctActorTypes.All.Select(t => $"'{Core.Facts.SnakeCaseNames<Core.Facts.EventType>.Name(t)}'"));
        return $"""
            SELECT ws, type, day, actor, sum(toInt64(sign)) AS n
            FROM {source}
            WHERE has_actor = 1 AND type IN ({kept}) {(where.Length == 0 ? "" : "AND " + where)}
            GROUP BY ws, type, day, actor
            """;
    }

    /// <summary>The Distributed tables over cluster <paramref name="cluster"/>, named <c>{table}_all</c>.</summary>
    public static IEnumerable<string> DistributedSteps(string cluster, string database) =>
        ReadTables.Select(t => $"CREATE TABLE IF NOT EXISTS {t}_all AS {t} ENGINE = Distributed({cluster}, {database}, {t})");

    /// <summary>The rollup's dimension columns, in <see cref="EventDims.Names"/> order (as the events table names them).</summary>
    public static IReadOnlyList<string> EventDimColumns { get; } =
        ["channel", "source", "medium", "campaign", "landing_page", "page", "cta", "form", "field", "variant", "asset"];
}
