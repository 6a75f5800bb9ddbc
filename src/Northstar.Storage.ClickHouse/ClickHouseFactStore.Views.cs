using System.Collections.Concurrent;
using System.Globalization;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Storage.ClickHouse.Client;
using Northstar.Storage.ClickHouse.Facts;
using Northstar.Storage.ClickHouse.Schema;

namespace Northstar.Storage.ClickHouse;

/// <summary>
/// The derived views, read as SQL: the event rollup and the distinct actors from their summing
/// tables (a group whose signed count nets to zero is gone), identity links and per-actor firsts
/// as one GROUP BY over each shard's events each, merged here (argMin by timestamp, then id: ClickHouse compares
/// strings bytewise, i.e. by UTF-8, as <see cref="Touchpoints.Earlier"/>), lifecycles assembled
/// from those by Core's <see cref="LifecycleAssembler"/> and kept per data version.
/// </summary>
public sealed partial class ClickHouseFactStore
{
    private readonly ConcurrentDictionary<long, (long Version, IReadOnlyList<ContactLifecycle> Lifecycles)> _lifecycles = new();

    public IReadOnlyList<EventRollupRow> ReadEventRollup(Workspace workspace, DateRange range, IReadOnlyCollection<EventType>? types = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var dims = string.Join(", ", ClickHouseSchema.EventDimColumns);
        var sql = $"""
            SELECT day, type, dim_nulls, {dims}, sum(n) AS count, sum(value)
            FROM {ReadTable("event_rollup")}
            WHERE ws = {workspace.Id} AND {DayRange(range)}{TypeFilter(types)}
            GROUP BY day, type, dim_nulls, {dims}
            HAVING count != 0
            """;
        return [.. Main.Query(sql, ReadRollupRow)];
    }

    public long CountDistinctActors(Workspace workspace, IReadOnlyCollection<EventType> types, DateRange range)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        DistinctActorTypes.Check(types);
        if (types.Count == 0 || range.Days <= 0)
        {
            return 0;
        }

        var sql = $"""
            SELECT count() FROM (
                SELECT actor FROM {ReadTable("actor_day")}
                WHERE ws = {workspace.Id} AND {DayRange(range)}{TypeFilter(types)}
                GROUP BY actor HAVING sum(n) > 0)
            """;
        return (long)Main.Query(sql, r => r.UInt64()).Single();
    }

    public IReadOnlyList<ContactLifecycle> ReadLifecycles(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var version = DataVersion(workspace);
        if (_lifecycles.TryGetValue(workspace.Id, out var cached) && cached.Version == version)
        {
            return cached.Lifecycles;
        }

        var lifecycles = LifecycleAssembler.Assemble(
            Read<Contact>(workspace), Read<StageChange>(workspace), Read<Account>(workspace), ReadIdentities(workspace), ReadFirsts(workspace));
        _lifecycles[workspace.Id] = (version, lifecycles);
        return lifecycles;
    }

    public IReadOnlyList<IdentityLink> ReadIdentities(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var sql = $"""
            SELECT assumeNotNull(anonymous_id) AS anonymous, assumeNotNull(argMin(contact_id, (ts, key))), min(ts), argMin(key, (ts, key))
            FROM events FINAL
            WHERE ws = {workspace.Id} AND anonymous_id IS NOT NULL AND contact_id IS NOT NULL
            GROUP BY anonymous
            """;
        var earliest = new Dictionary<string, (IdentityLink Link, string EventId)>(StringComparer.Ordinal);
        foreach (var shard in _shards)
        {
            foreach (var (link, eventId) in shard.Query(sql, r => (new IdentityLink(r.String(), r.String(), Values.Instant(r.Int64())), r.String())))
            {
                if (!earliest.TryGetValue(link.AnonymousId, out var best) || Touchpoints.Earlier(link.LinkedAt, eventId, best.Link.LinkedAt, best.EventId))
                {
                    earliest[link.AnonymousId] = (link, eventId);
                }
            }
        }

        return [.. earliest.Values.Select(e => e.Link)];
    }

    public long DataVersion(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return long.Parse(Main.QueryValue($"SELECT max(ver) FROM commits WHERE ws = {workspace.Id}") ?? "0", CultureInfo.InvariantCulture);
    }

    IEnumerable<ChannelEvent> IFactStore.ReadChannelEvents(
        Workspace workspace, IReadOnlySet<EventType> types, DateTimeOffset? from, DateTimeOffset? until)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(types);
        if (types.Count == 0)
        {
            return [];
        }

        var sql = $"""
            SELECT ts, key, type, contact_id, anonymous_id, assumeNotNull(channel), campaign
            FROM {ReadTable("events")} FINAL
            WHERE ws = {workspace.Id} AND channel IS NOT NULL{TypeFilter(types)}
                {(from is { } f ? $"AND ts >= {Values.Micros(f)}" : "")} {(until is { } u ? $"AND ts < {Values.Micros(u)}" : "")}
            """;
        return Main.Query(sql, r => new ChannelEvent(
            Values.Instant(r.Int64()), r.String(), Values.Enum<EventType>(r), r.NullableString(), r.NullableString(), r.String(), r.NullableString()));
    }

    /// <summary>
    /// The earliest touch, form submission and (contacts only) event of every contact id and
    /// every anonymous id seen with a contact id: grouped on each shard's local table, the shards' answers merged here.
    /// (18.16 crashes receiving argMin states over a tuple from a remote shard, so this
    /// aggregation and the identities' are never sent through the Distributed table.)
    /// </summary>
    private List<ActorFirst> ReadFirsts(Workspace workspace)
    {
        const string Touch = "(key, ts, channel, source, medium, campaign, landing_page)";
        const string IsTouch = "(type = 'session_start' OR channel IS NOT NULL)";
        var firsts = new Dictionary<(FirstKind, bool, string), ActorFirst>();
        foreach (var isContact in new[] { true, false })
        {
            var actor = isContact ? "contact_id" : "anonymous_id";
            // Lifecycles use an anonymous id's firsts only when it is linked to a contact: the
            // others (most visitors) are left out. Old rows of replaced events may add a few ids
            // no longer linked; their firsts are simply not used.
            var linked = isContact ? "" : $"""
                AND anonymous_id IN (
                    SELECT anonymous_id FROM {ReadTable("events")}
                    WHERE ws = {workspace.Id} AND contact_id IS NOT NULL AND anonymous_id IS NOT NULL)
                """;
            var sql = $"""
                SELECT assumeNotNull({actor}) AS actor,
                    countIf({IsTouch}), argMinIf({Touch}, (ts, key), {IsTouch}),
                    countIf(type = 'form_submit'), argMinIf({Touch}, (ts, key), type = 'form_submit'),
                    argMin({Touch}, (ts, key))
                FROM events FINAL
                WHERE ws = {workspace.Id} AND {actor} IS NOT NULL {linked}
                GROUP BY actor
                """;
            foreach (var shard in _shards)
            {
                foreach (var first in shard.Query(sql, r => ReadFirstRow(r, isContact)).SelectMany(f => f))
                {
                    var key = (first.Kind, first.IsContact, first.ActorId);
                    if (!firsts.TryGetValue(key, out var best) || Touchpoints.Earlier(first.Touch.Timestamp, first.EventId, best.Touch.Timestamp, best.EventId))
                    {
                        firsts[key] = first;
                    }
                }
            }
        }

        return [.. firsts.Values];
    }

    private static List<ActorFirst> ReadFirstRow(RowBinaryReader r, bool isContact)
    {
        var actor = r.String();
        var list = new List<ActorFirst>(3);
        foreach (var kind in new[] { FirstKind.Touch, FirstKind.FormSubmit })
        {
            var count = r.UInt64();
            var first = ReadTouch(r);
            if (count > 0)
            {
                list.Add(new ActorFirst(kind, isContact, actor, first.Id, first.Touch));
            }
        }

        var any = ReadTouch(r);
        if (isContact)
        {
            list.Add(new ActorFirst(FirstKind.AnyEvent, true, actor, any.Id, any.Touch));
        }

        return list;
    }

    private static (string Id, Touch Touch) ReadTouch(RowBinaryReader r)
    {
        var id = r.String();
        var touch = new Touch(Values.Instant(r.Int64()), r.NullableString(), r.NullableString(), r.NullableString(), r.NullableString(), r.NullableString());
        return (id, touch);
    }

    private static EventRollupRow ReadRollupRow(RowBinaryReader r)
    {
        var day = r.Date();
        var type = Values.Enum<EventType>(r);
        var nulls = r.UInt16();
        var values = new string?[ClickHouseSchema.EventDimColumns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var text = r.String();
            values[i] = (nulls & (1 << i)) != 0 ? null : text;
        }

        var dims = new EventDims(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8], values[9], values[10]);
        return new EventRollupRow(day, type, dims, r.Int64(), r.Decimal128(12));
    }

    private static string DayRange(DateRange range) =>
        $"day >= toDate('{range.Start:yyyy-MM-dd}') AND day < toDate('{range.End:yyyy-MM-dd}')";

    private static string TypeFilter(IReadOnlyCollection<EventType>? types) =>
        types is null ? "" : $" AND type IN ({string.Join(", ", types.Select(t => $"'{SnakeCaseNames<EventType>.Name(t)}'").DefaultIfEmpty("''"))})";
}
