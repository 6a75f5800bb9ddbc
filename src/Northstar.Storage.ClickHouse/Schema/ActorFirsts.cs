using Northstar.Core.Metrics.Views;
using Northstar.Storage.ClickHouse.Client;
using Northstar.Storage.ClickHouse.Facts;

namespace Northstar.Storage.ClickHouse.Schema;

/// <summary>
/// The per-actor firsts (touch, form submission, any event) and identity links of one shard's
/// events, kept in the table <c>actor_firsts</c> so that assembling lifecycles reads a row per
/// actor and kind instead of grouping every event. Plain values, not aggregate states: an
/// argMin state cannot take a replaced event back out, so a commit recomputes the actors it
/// touches from the shard's events and writes their rows again with a higher version
/// (ReplacingMergeTree), an emptied (actor, kind) as a row marked deleted. Each shard's table
/// covers that shard's events only; reads merge the shards here (never through a Distributed
/// aggregation, which crashed 18.16 with argMin-over-tuple states).
/// </summary>
internal static class ActorFirsts
{
    /// <summary>The table's name.</summary>
    public const string Table = "actor_firsts";

    /// <summary>The kind value of an identity link (after <see cref="FirstKind"/>'s values).</summary>
    public const int LinkKind = 3;

    private const string Columns = "ws, is_contact, actor, kind, ver, deleted, ts, key, contact_id, channel, source, medium, campaign, landing_page";
    private const string TouchTuple = "(key, ts, channel, source, medium, campaign, landing_page)";
    private const string IsTouch = "(type = 'session_start' OR channel IS NOT NULL)";

    /// <summary>Version 2's table. <c>contact_id</c> is the linked contact of a link row, else ''.</summary>
    public static string Ddl => """
        CREATE TABLE IF NOT EXISTS actor_firsts (
            ws UInt64, is_contact UInt8, actor String, kind UInt8, ver UInt64, deleted UInt8,
            ts Int64, key String, contact_id String,
            channel Nullable(String), source Nullable(String), medium Nullable(String),
            campaign Nullable(String), landing_page Nullable(String))
        ENGINE = ReplacingMergeTree(ver)
        ORDER BY (ws, kind, is_contact, actor)
        """;

    /// <summary>Marks every live row of the workspace deleted (clearing its facts).</summary>
    public static string DeleteAll(long ws, ulong version) =>
        $"""
        INSERT INTO actor_firsts ({Columns})
        SELECT ws, is_contact, actor, kind, toUInt64({version}), toUInt8(1), ts, key, contact_id, channel, source, medium, campaign, landing_page
        FROM actor_firsts FINAL
        WHERE ws = {ws} AND deleted = 0
        """;

    /// <summary>
    /// 1 when a stored event (live, cancelled or replaced) shares a key with a staged one of key
    /// bucket <paramref name="bucket"/> (of <paramref name="buckets"/>, see <see cref="Moves.Buckets"/>:
    /// the server holds one bucket's staged keys as a set, not the whole stage's), else 0.
    /// </summary>
    public static string AnySharedKey(string stage, long ws, int buckets, int bucket) =>
        $"SELECT count() FROM (SELECT 1 FROM events WHERE ws = {ws} AND key IN (SELECT key FROM {stage} WHERE {Moves.Bucket(buckets, bucket)}) LIMIT 1)";

    /// <summary>
    /// Fills <paramref name="actors"/> (a table of is_contact, actor) with the actors of the
    /// staged events and of the stored events those replace: the actors a commit must recompute.
    /// The stored events are found a key bucket at a time, as the moves do (an actor may then be
    /// listed more than once; its readers take it once). Run before the move (afterwards a
    /// replaced row's actors may be merged away).
    /// </summary>
    public static IEnumerable<string> CollectActors(string actors, string stage, long ws, int buckets)
    {
        yield return $"CREATE TABLE IF NOT EXISTS {actors} (is_contact UInt8, actor String) ENGINE = Memory";
        foreach (var (flag, column) in new[] { (1, "contact_id"), (0, "anonymous_id") })
        {
            yield return $"INSERT INTO {actors} SELECT DISTINCT toUInt8({flag}), assumeNotNull({column}) FROM {stage} WHERE {column} IS NOT NULL";
            for (var bucket = 0; bucket < buckets; bucket++)
            {
                yield return $"""
                    INSERT INTO {actors} SELECT DISTINCT toUInt8({flag}), assumeNotNull({column}) FROM events
                    WHERE ws = {ws} AND {column} IS NOT NULL AND key IN (SELECT key FROM {stage} WHERE {Moves.Bucket(buckets, bucket)})
                    """;
            }
        }
    }

    /// <summary>
    /// The live events of the actors listed in <paramref name="actors"/> (as contact or as
    /// anonymous id), as a table expression for <see cref="Recompute"/>: found by keys and signs
    /// as the commit's moves find them (<see cref="Moves.Live"/>), instead of <c>events FINAL</c>,
    /// which in 18.16 merges every part of the table (4.5 s for one replaced event at 10M events).
    /// </summary>
    public static string LiveEventsOf(long ws, string actors)
    {
        var theirs = $"""
            ws = {ws} AND (contact_id IN (SELECT actor FROM {actors} WHERE is_contact = 1)
                OR anonymous_id IN (SELECT actor FROM {actors} WHERE is_contact = 0))
            """;
        return $"(SELECT * FROM events WHERE {Moves.Live("events", theirs)})";
    }

    /// <summary>
    /// Computes the firsts and links of the events in <paramref name="source"/> (a table, or
    /// <see cref="LiveEventsOf"/>) on one shard and writes them as version <paramref name="version"/>:
    /// every actor when <paramref name="actors"/> is null, else only those listed there, each
    /// (actor, kind) they no longer have written as deleted.
    /// </summary>
    public static void Recompute(ClickHouseClient shard, long ws, string source, string? actors, ulong version)
    {
        var rows = Compute(shard, ws, source, actors);
        var w = new RowBinaryWriter(1 << 20);
        foreach (var row in rows.Values)
        {
            Write(w, ws, version, row, deleted: false);
        }

        if (actors is not null)
        {
            foreach (var (isContact, actor) in shard.Query($"SELECT DISTINCT is_contact, actor FROM {actors}", r => (r.UInt8() == 1, r.String())))
            {
                foreach (var kind in isContact ? [0, 1, 2] : new[] { 0, 1, LinkKind })
                {
                    if (!rows.ContainsKey((isContact, actor, kind)))
                    {
                        Write(w, ws, version, new Row(isContact, actor, kind, "", 0, "", null), deleted: true);
                    }
                }
            }
        }

        if (w.Length > 0)
        {
            shard.Insert(Table, Columns, w.Written);
        }
    }

    /// <summary>
    /// For a commit that only adds events (no stored event shares a key with a staged one): the
    /// staged events' firsts written where earlier than the stored ones of the same actor and
    /// kind (<paramref name="actors"/> lists the stage's actors), without reading the events.
    /// </summary>
    public static void Combine(ClickHouseClient shard, long ws, string stage, string actors, ulong version)
    {
        var stored = Latest(
            shard.Query(
                $"""
                SELECT ver, deleted, is_contact, actor, kind, key, ts, contact_id, channel, source, medium, campaign, landing_page
                FROM actor_firsts
                WHERE ws = {ws} AND (is_contact, actor) IN (SELECT is_contact, actor FROM {actors})
                """,
                ReadStored),
            r => (r.IsContact, r.Actor, r.Kind)).ToDictionary(r => (r.IsContact, r.Actor, r.Kind));
        var w = new RowBinaryWriter(1 << 20);
        foreach (var (key, row) in Compute(shard, ws, stage, actors: null))
        {
            if (!stored.TryGetValue(key, out var old) || Touchpoints.Earlier(Values.Instant(row.Ts), row.Key, Values.Instant(old.Ts), old.Key))
            {
                Write(w, ws, version, row, deleted: false);
            }
        }

        if (w.Length > 0)
        {
            shard.Insert(Table, Columns, w.Written);
        }
    }

    private static (ulong Version, bool Deleted, Row Row) ReadStored(RowBinaryReader r)
    {
        var version = r.UInt64();
        var deleted = r.UInt8() == 1;
        var isContact = r.UInt8() == 1;
        var actor = r.String();
        var kind = r.UInt8();
        var key = r.String();
        var ts = r.Int64();
        var contact = r.String();
        string?[] dims = [r.NullableString(), r.NullableString(), r.NullableString(), r.NullableString(), r.NullableString()];
        return (version, deleted, new Row(isContact, actor, kind, key, ts, contact, dims));
    }

    private static Dictionary<(bool IsContact, string Actor, int Kind), Row> Compute(ClickHouseClient shard, long ws, string source, string? actors)
    {
        var rows = new Dictionary<(bool IsContact, string Actor, int Kind), Row>();
        foreach (var isContact in new[] { true, false })
        {
            var column = isContact ? "contact_id" : "anonymous_id";
            var sql = $"""
                SELECT assumeNotNull({column}) AS actor,
                    countIf({IsTouch}), argMinIf({TouchTuple}, (ts, key), {IsTouch}),
                    countIf(type = 'form_submit'), argMinIf({TouchTuple}, (ts, key), type = 'form_submit'),
                    argMin({TouchTuple}, (ts, key))
                FROM {source}
                WHERE ws = {ws} AND {column} IS NOT NULL {Only(actors, column, isContact)}
                GROUP BY actor
                """;
            foreach (var row in shard.Query(sql, r => ReadFirsts(r, isContact)).SelectMany(f => f))
            {
                rows[(isContact, row.Actor, row.Kind)] = row;
            }
        }

        var links = $"""
            SELECT assumeNotNull(anonymous_id) AS anonymous, assumeNotNull(argMin(contact_id, (ts, key))), min(ts), argMin(key, (ts, key))
            FROM {source}
            WHERE ws = {ws} AND anonymous_id IS NOT NULL AND contact_id IS NOT NULL {Only(actors, "anonymous_id", false)}
            GROUP BY anonymous
            """;
        foreach (var link in shard.Query(links, ReadLink))
        {
            rows[(false, link.Actor, LinkKind)] = link;
        }

        return rows;
    }

    /// <summary>
    /// One shard's firsts of every contact and of the anonymous ids linked to one on any shard,
    /// every stored version (FINAL merges on one thread: 0.75 s at 10M events): keep the highest
    /// version of each (kind, actor) with <see cref="Latest{T, TKey}"/>.
    /// </summary>
    public static string ReadFirstsSql(long ws, string linksTable) =>
        $"""
        SELECT ver, deleted, is_contact, actor, kind, key, ts, channel, source, medium, campaign, landing_page
        FROM actor_firsts
        WHERE ws = {ws} AND kind != {LinkKind}
            AND (is_contact = 1 OR actor IN (SELECT actor FROM {linksTable} WHERE ws = {ws} AND kind = {LinkKind} AND deleted = 0))
        """;

    /// <summary>One shard's identity links, every stored version: version, deleted, anonymous id, contact id, linked at, event id.</summary>
    public static string ReadLinksSql(long ws) =>
        $"SELECT ver, deleted, actor, contact_id, ts, key FROM actor_firsts WHERE ws = {ws} AND kind = {LinkKind}";

    /// <summary>A row of <see cref="ReadFirstsSql"/>.</summary>
    public static (ulong Version, bool Deleted, ActorFirst First) ReadFirst(RowBinaryReader r)
    {
        var version = r.UInt64();
        var deleted = r.UInt8() == 1;
        var isContact = r.UInt8() == 1;
        var actor = r.String();
        var kind = (FirstKind)r.UInt8();
        var key = r.String();
        var touch = new Touch(Values.Instant(r.Int64()), r.NullableString(), r.NullableString(), r.NullableString(), r.NullableString(), r.NullableString());
        return (version, deleted, new ActorFirst(kind, isContact, actor, key, touch));
    }

    /// <summary>The live rows among every stored version: the highest version of each key, unless that one is deleted.</summary>
    public static IEnumerable<T> Latest<T, TKey>(IEnumerable<(ulong Version, bool Deleted, T Row)> rows, Func<T, TKey> key)
        where TKey : notnull
    {
        var latest = new Dictionary<TKey, (ulong Version, bool Deleted, T Row)>();
        foreach (var row in rows)
        {
            var k = key(row.Row);
            if (!latest.TryGetValue(k, out var seen) || seen.Version < row.Version)
            {
                latest[k] = row;
            }
        }

        return latest.Values.Where(r => !r.Deleted).Select(r => r.Row);
    }

    private static string Only(string? actors, string column, bool isContact) =>
        actors is null ? "" : $"AND {column} IN (SELECT actor FROM {actors} WHERE is_contact = {(isContact ? 1 : 0)})";

    private static List<Row> ReadFirsts(RowBinaryReader r, bool isContact)
    {
        var actor = r.String();
        var list = new List<Row>(3);
        foreach (var kind in new[] { FirstKind.Touch, FirstKind.FormSubmit })
        {
            var count = r.UInt64();
            var first = ReadTouch(r, isContact, actor, (int)kind);
            if (count > 0)
            {
                list.Add(first);
            }
        }

        var any = ReadTouch(r, isContact, actor, (int)FirstKind.AnyEvent);
        if (isContact)
        {
            list.Add(any);
        }

        return list;
    }

    private static Row ReadLink(RowBinaryReader r)
    {
        var anonymous = r.String();
        var contact = r.String();
        var ts = r.Int64();
        return new Row(false, anonymous, LinkKind, r.String(), ts, contact, null);
    }

    private static Row ReadTouch(RowBinaryReader r, bool isContact, string actor, int kind) =>
        new(isContact, actor, kind, r.String(), r.Int64(), "",
            [r.NullableString(), r.NullableString(), r.NullableString(), r.NullableString(), r.NullableString()]);

    private static void Write(RowBinaryWriter w, long ws, ulong version, Row row, bool deleted)
    {
        w.UInt64((ulong)ws);
        w.UInt8(row.IsContact ? (byte)1 : (byte)0);
        w.String(row.Actor);
        w.UInt8((byte)row.Kind);
        w.UInt64(version);
        w.UInt8(deleted ? (byte)1 : (byte)0);
        w.Int64(row.Ts);
        w.String(row.Key);
        w.String(row.ContactId);
        for (var i = 0; i < 5; i++)
        {
            w.NullableString(row.Dims?[i]);
        }
    }

    /// <summary>One row to write: a first (its event's key, time and touch columns) or a link (its contact).</summary>
    private sealed record Row(bool IsContact, string Actor, int Kind, string Key, long Ts, string ContactId, string?[]? Dims);
}
