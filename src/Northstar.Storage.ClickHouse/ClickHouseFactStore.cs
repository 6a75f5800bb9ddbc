using System.Globalization;
using System.Text.Json;
using Northstar.Core.Channels;
using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Storage.ClickHouse.Client;
using Northstar.Storage.ClickHouse.Facts;
using Northstar.Storage.ClickHouse.Schema;

namespace Northstar.Storage.ClickHouse;

/// <summary>
/// The ClickHouse backend (18.16 and later), over the HTTP interface of one server or of every
/// shard of a cluster (<see cref="ClickHouseConnectionString"/>). Facts live in one
/// CollapsingMergeTree table per kind, partitioned by month: a row is written with sign +1 and
/// version = its commit; replacing it writes a copy with sign -1 (same sort key, so they cancel)
/// and the new row. Reads use <c>FINAL</c>; the views (daily event rollup, actors per day) are
/// SummingMergeTree tables fed by materialized views from the events table, signs included, so
/// a replaced event's old contribution is taken out; the per-actor firsts and identity links
/// (<see cref="ActorFirsts"/>) are recomputed at commit for the actors a commit touches. Over a cluster every row goes to the shard
/// its natural key hashes to (computed here), so replacing a fact stays on one shard, and reads
/// go through Distributed tables. The product's records (workspaces, goals, users...) are small
/// ReplacingMergeTree rows on the first server, read with <c>FINAL</c>. Thread-safe.
/// </summary>
/// <remarks>
/// <para>ClickHouse has no transactions. A write session stages its rows in tables of its own
/// (nothing is visible before <see cref="IFactWriteSession.Commit"/>; disposing without commit
/// drops them) and Commit moves them with two INSERT ... SELECT per kind and shard: first the
/// cancellations of the stored rows it replaces, then the new and changed rows. A process killed
/// during Commit can leave a kind or a shard moved and the rest not: some replaced facts then
/// missing until the same import runs again, which heals it (rows already stored with the same
/// values are skipped, missing ones written). Readers may see a commit's kinds appear one after
/// another. Unlike SQLite there is no crash-atomic commit.</para>
/// <para>Write sessions are not serialized against each other: two sessions of one workspace
/// committing at the same time with overlapping keys can both keep their row. Run one writer
/// per workspace (the importer and the tracking merge do). Records (ids of users, tokens, keys,
/// workspaces) are allocated under a lock in this process: run one Northstar process per
/// database.</para>
/// <para>Same precision as every store: instants as Int64 microseconds UTC, decimals as exact
/// text (plus the event value as Decimal128(12) for the rollup sums), enums by snake_case name.</para>
/// </remarks>
public sealed partial class ClickHouseFactStore : INorthstarStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ClickHouseClient[] _shards;
    private readonly Lock _gate = new();
    private long _lastVersion;

    private ClickHouseFactStore(ClickHouseConnectionString connection)
    {
        Connection = connection;
        _shards = [.. connection.Shards.Select(u => new ClickHouseClient(u, connection.Database))];
        Main = connection.Shards.Contains(connection.Url) ? _shards[connection.Shards.ToList().IndexOf(connection.Url)] : new ClickHouseClient(connection.Url, connection.Database);
    }

    /// <summary>Where the store lives.</summary>
    public ClickHouseConnectionString Connection { get; }

    /// <inheritdoc />
    public TimeProvider AccountClock { get; set; } = TimeProvider.System;

    /// <summary>The server of the records and of every query.</summary>
    internal ClickHouseClient Main { get; }

    /// <summary>Every shard (one entry for a single server).</summary>
    internal IReadOnlyList<ClickHouseClient> Shards => _shards;

    /// <summary>
    /// Opens the store, creating the database and its tables on every shard (and the Distributed
    /// tables over a cluster) when missing.
    /// </summary>
    /// <exception cref="FormatException">The connection string is malformed.</exception>
    /// <exception cref="StoreTransientException">A server cannot be reached.</exception>
    /// <exception cref="InvalidOperationException">The database was written by a newer Northstar.</exception>
    public static ClickHouseFactStore Open(string connectionString)
    {
        var connection = ClickHouseConnectionString.Parse(connectionString);
        var store = new ClickHouseFactStore(connection);
        try
        {
            store.Migrate();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The table a read goes through: the Distributed one over a cluster.</summary>
    internal string ReadTable(string table) => Connection.Cluster is null ? table : table + "_all";

    /// <summary>The shard a natural key's rows live on.</summary>
    internal int ShardOf(ulong keyHash) => (int)(keyHash % (ulong)_shards.Length);

    /// <summary>
    /// Staged rows a commit moves in one statement when it compares them with stored rows (see
    /// <see cref="Moves"/>); tests lower it to move in many buckets.
    /// </summary>
    internal int MoveBucketRows { get; set; } = 4_000_000;

    /// <summary>A new version (commit) number: increasing, microseconds of the clock when that is later.</summary>
    internal ulong NextVersion()
    {
        lock (_gate)
        {
            var now = Values.Micros(TimeProvider.System.GetUtcNow());
            _lastVersion = Math.Max(_lastVersion + 1, now);
            return (ulong)_lastVersion;
        }
    }

    public Workspace GetOrCreateWorkspace(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            if (FindWorkspace(name) is { } existing)
            {
                return existing;
            }

            var id = ListWorkspaces().Select(w => w.Id).DefaultIfEmpty(0).Max() + 1;
            var workspace = new Workspace(id, name);
            PutRecord("workspace", name, JsonSerializer.Serialize(workspace, Json));
            return workspace;
        }
    }

    public Workspace? FindWorkspace(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return GetRecord("workspace", name) is { } body ? JsonSerializer.Deserialize<Workspace>(body, Json) : null;
    }

    public IReadOnlyList<Workspace> ListWorkspaces() =>
        [.. ReadRecords("workspace").Select(r => JsonSerializer.Deserialize<Workspace>(r.Body, Json)!).OrderBy(w => w.Name, StringComparer.Ordinal)];

    public IFactWriteSession BeginWrite(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return new ClickHouseWriteSession(this, workspace);
    }

    public IEnumerable<TFact> Read<TFact>(Workspace workspace)
        where TFact : class, IFact
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var table = FactTables.For<TFact>();
        return Main.Query(
            $"SELECT key, {table.ValueColumns} FROM {ReadTable(table.Name)} FINAL WHERE ws = {workspace.Id}",
            r => table.ReadValues(r, r.String()));
    }

    public FactSummary Summarize(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var kinds = new List<FactKindSummary>();
        foreach (var table in FactTables.All)
        {
            var row = Main.Query(
                $"SELECT count(), min(main_ts), max(main_ts) FROM {ReadTable(table.Name)} FINAL WHERE ws = {workspace.Id}",
                r => (Count: r.UInt64(), First: Values.Instant(r), Last: Values.Instant(r))).Single();
            kinds.Add(new FactKindSummary(table.Kind, (long)row.Count, row.First, row.Last));
        }

        return new FactSummary(kinds);
    }

    public void ClearFacts(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var version = NextVersion();
        foreach (var shard in _shards)
        {
            foreach (var table in FactTables.All)
            {
                foreach (var (month, rows) in shard.Query(Moves.StoredMonths(table, workspace.Id), r => ((int)r.UInt32(), r.UInt64())).ToList())
                {
                    var buckets = Moves.Buckets(rows, MoveBucketRows);
                    for (var bucket = 0; bucket < buckets; bucket++)
                    {
                        shard.Execute(Moves.CancelAll(table, workspace.Id, month, buckets, bucket));
                    }
                }
            }

            shard.Execute(ActorFirsts.DeleteAll(workspace.Id, version));
        }

        RecordCommit(workspace, version);
    }

    public IReadOnlyList<ChannelRule> GetChannelRules(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return GetRecord("channel_rules", Key(workspace.Id)) is { } body
            ? JsonSerializer.Deserialize<List<ChannelRule>>(body, Json)!
            : [];
    }

    public void SetChannelRules(Workspace workspace, IReadOnlyList<ChannelRule> rules)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(rules);
        PutRecord("channel_rules", Key(workspace.Id), JsonSerializer.Serialize(rules, Json));
    }

    public void Dispose()
    {
        try
        {
            WaitForKeeping();
        }
        finally
        {
            // A keeping that failed in a way it does not expect still surfaces here, after the clients close.
            foreach (var shard in _shards)
            {
                shard.Dispose();
            }

            if (!_shards.Contains(Main))
            {
                Main.Dispose();
            }
        }
    }

    /// <summary>Marks a commit of the workspace (what <see cref="DataVersion"/> reads).</summary>
    internal void RecordCommit(Workspace workspace, ulong version) =>
        Main.Execute($"INSERT INTO commits (ws, ver) VALUES ({workspace.Id}, {version})");

    internal static string Key(long id) => id.ToString("D19", CultureInfo.InvariantCulture);

    private void Migrate()
    {
        foreach (var shard in _shards.Append(Main).Distinct())
        {
            using (var server = new ClickHouseClient(shard.Server))
            {
                server.Execute($"CREATE DATABASE IF NOT EXISTS {Connection.Database}");
            }

            shard.Execute("CREATE TABLE IF NOT EXISTS schema_version (version UInt32) ENGINE = TinyLog");
            var current = int.Parse(shard.QueryValue("SELECT max(version) FROM schema_version") ?? "0", CultureInfo.InvariantCulture);
            if (current > ClickHouseSchema.Version)
            {
                throw new InvalidOperationException(
                    $"The ClickHouse database {Connection.Database} at {shard.Server} has schema version {current}, newer than this Northstar ({ClickHouseSchema.Version}).");
            }

            if (current < ClickHouseSchema.Version)
            {
                foreach (var step in ClickHouseSchema.Steps())
                {
                    shard.Execute(step);
                }

                if (current == 1)
                {
                    // Version 2's firsts table, filled from the events already stored.
                    foreach (var ws in shard.Query("SELECT DISTINCT ws FROM events", r => r.UInt64()).ToList())
                    {
                        ActorFirsts.Recompute(shard, (long)ws, "events FINAL", actors: null, NextVersion());
                    }
                }

                shard.Execute($"INSERT INTO schema_version VALUES ({ClickHouseSchema.Version})");
            }

            if (Connection.Cluster is { } cluster)
            {
                foreach (var step in ClickHouseSchema.DistributedSteps(cluster, Connection.Database))
                {
                    shard.Execute(step);
                }
            }
        }
    }
}
