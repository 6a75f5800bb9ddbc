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
/// from each shard's <see cref="ActorFirsts"/> table (kept at commit), merged here (earliest by timestamp, then id: ClickHouse compares
/// strings bytewise, i.e. by UTF-8, as <see cref="Touchpoints.Earlier"/>), lifecycles assembled
/// from those by Core's <see cref="LifecycleAssembler"/> and kept per data version in this process;
/// the stage rollup kept in the database per data version (see the KeptRollup part).
/// </summary>
public sealed partial class ClickHouseFactStore
{
    private readonly ConcurrentDictionary<long, KeptLifecycles> _lifecycles = new();

    /// <summary>
    /// Held while lifecycles are assembled: reads issued at once (an engine's prefetch of the stage
    /// counts on a version whose rollup is not kept yet) assemble them once, the others wait and reuse.
    /// </summary>
    private readonly Lock _assembling = new();

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

    /// <summary>As <see cref="IDerivedViews.ReadEventTotals"/> documents: the rollup summed per day and type in the database.</summary>
    public IReadOnlyList<EventRollupRow> ReadEventTotals(Workspace workspace, DateRange range, IReadOnlyCollection<EventType> types)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(types);
        var sql = $"""
            SELECT day, type, sum(n) AS count, sum(value)
            FROM {ReadTable("event_rollup")}
            WHERE ws = {workspace.Id} AND {DayRange(range)}{TypeFilter(types)}
            GROUP BY day, type
            HAVING count != 0
            """;
        return [.. Main.Query(sql, r => new EventRollupRow(r.Date(), Values.Enum<EventType>(r), default, r.Int64(), r.Decimal128(12)))];
    }

    public long CountDistinctActors(Workspace workspace, IReadOnlyCollection<EventType> types, DateRange range) =>
        CountDistinctActors(workspace, types, [range])[0];

    /// <summary>
    /// As <see cref="IDerivedViews.CountDistinctActors(Workspace, IReadOnlyCollection{EventType}, IReadOnlyList{DateRange})"/>:
    /// one query over the days the ranges span. An actor counts in a range when its events there
    /// add up above zero (replaced events cancel), so each range sums its own days per actor.
    /// </summary>
    public IReadOnlyList<long> CountDistinctActors(Workspace workspace, IReadOnlyCollection<EventType> types, IReadOnlyList<DateRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(ranges);
        DistinctActorTypes.Check(types);
        var counted = ranges.Select((range, i) => (range, i)).Where(r => r.range.Days > 0).ToList();
        var counts = new long[ranges.Count];
        if (types.Count == 0 || counted.Count == 0)
        {
            return counts;
        }

        var span = new DateRange(counted.Min(r => r.range.Start), counted.Max(r => r.range.End));
        var sql = $"""
            SELECT {string.Join(", ", counted.Select(r => $"countIf(n{r.i} > 0)"))} FROM (
                SELECT actor, {string.Join(", ", counted.Select(r => $"sumIf(n, {DayRange(r.range)}) AS n{r.i}"))}
                FROM {ReadTable("actor_day")}
                WHERE ws = {workspace.Id} AND {DayRange(span)}{TypeFilter(types)}
                GROUP BY actor)
            """;
        var row = Main.Query(sql, r => counted.Select(_ => (long)r.UInt64()).ToArray()).Single();
        for (var k = 0; k < counted.Count; k++)
        {
            counts[counted[k].i] = row[k];
        }

        return counts;
    }

    public IReadOnlyList<ContactLifecycle> ReadLifecycles(Workspace workspace) => Kept(workspace).Lifecycles;

    /// <summary>The kept lifecycles' stage times, worked out once per data version.</summary>
    public StageTimes ReadStageTimes(Workspace workspace) => Kept(workspace).StageTimes;

    private KeptLifecycles Kept(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var version = DataVersion(workspace);
        if (_lifecycles.TryGetValue(workspace.Id, out var kept) && kept.Version == version)
        {
            return kept;
        }

        lock (_assembling)
        {
            return _lifecycles.TryGetValue(workspace.Id, out kept) && kept.Version == version ? kept : Assemble(workspace, version);
        }
    }

    private KeptLifecycles Assemble(Workspace workspace, long version)
    {
        // The five reads at once: each parses its rows here while the server answers the others.
        var contacts = Task.Run(() => Read<Contact>(workspace).ToList());
        var stages = Task.Run(() => Read<StageChange>(workspace).ToList());
        var accounts = Task.Run(() => Read<Account>(workspace).ToList());
        var links = Task.Run(() => ReadIdentities(workspace));
        var firsts = ReadFirsts(workspace);
        var lifecycles = LifecycleAssembler.Assemble(
            contacts.GetAwaiter().GetResult(), stages.GetAwaiter().GetResult(), accounts.GetAwaiter().GetResult(), links.GetAwaiter().GetResult(), firsts);
        var kept = new KeptLifecycles(version, lifecycles, workspace.TimeZone);
        _lifecycles[workspace.Id] = kept;
        return kept;
    }

    public IReadOnlyList<IdentityLink> ReadIdentities(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var earliest = new Dictionary<string, (IdentityLink Link, string EventId)>(StringComparer.Ordinal);
        foreach (var shard in _shards)
        {
            var sql = ActorFirsts.ReadLinksSql(workspace.Id);
            var rows = shard.Query(sql, r => (r.UInt64(), r.UInt8() == 1, (Link: new IdentityLink(r.String(), r.String(), Values.Instant(r.Int64())), EventId: r.String())));
            foreach (var (link, eventId) in ActorFirsts.Latest(rows, l => l.Link.AnonymousId))
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
    /// every anonymous id linked to a contact id: each shard's <see cref="ActorFirsts"/> rows,
    /// merged here (the earlier by time, then event id).
    /// </summary>
    private List<ActorFirst> ReadFirsts(Workspace workspace)
    {
        var firsts = new Dictionary<(FirstKind, bool, string), ActorFirst>();
        var sql = ActorFirsts.ReadFirstsSql(workspace.Id, ReadTable(ActorFirsts.Table));
        foreach (var shard in _shards)
        {
            foreach (var first in ActorFirsts.Latest(shard.Query(sql, ActorFirsts.ReadFirst), f => (f.Kind, f.IsContact, f.ActorId)))
            {
                var key = (first.Kind, first.IsContact, first.ActorId);
                if (!firsts.TryGetValue(key, out var best) || Touchpoints.Earlier(first.Touch.Timestamp, first.EventId, best.Touch.Timestamp, best.EventId))
                {
                    firsts[key] = first;
                }
            }
        }

        return [.. firsts.Values];
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
