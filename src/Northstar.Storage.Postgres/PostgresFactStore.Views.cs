using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Storage.Postgres.Sql;
using Northstar.Storage.Postgres.Stages;
using Northstar.Storage.Postgres.Tables;
using Npgsql;

namespace Northstar.Storage.Postgres;

/// <summary>
/// The derived views, read from the tables the write sessions keep (<see cref="StagedApply"/>):
/// rollups and distinct counts are filtered and summed in the database. Lifecycles are put
/// together by Core's <see cref="LifecycleAssembler"/> from the small tables; the stage rollup
/// and counts are read from their rows kept in the database per data version
/// (<see cref="KeptStageRollup"/>), stored by a large commit or else by the first reader.
/// </summary>
public sealed partial class PostgresFactStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, KeptLifecycles> _lifecycles = new();

    /// <summary>
    /// The data version whose stage rollup this process last set out to store per workspace (released
    /// again when the store fails): claimed before the work starts, so the reads of a review that come
    /// while the first one's store runs do not each tally every lifecycle and store again.
    /// </summary>
    private readonly VersionKeeping _stageRollupKeeping = new();

    /// <summary>
    /// Held while lifecycles are assembled: reads issued at once (an engine's prefetch of the stage
    /// counts on a version whose rollup is not kept yet) assemble them once, the others wait and reuse.
    /// </summary>
    private readonly Lock _assembling = new();

    /// <summary>A write session of at least this many facts stores the stage rollup of the version it creates (tests lower it).</summary>
    internal int KeepStageRollupAtFacts { get; set; } = 10_000;

    private const string RollupDims = "channel, source, medium, campaign, landing_page, page, cta, form, field, variant, asset";

    public IReadOnlyList<EventRollupRow> ReadEventRollup(Workspace workspace, DateRange range, IReadOnlyCollection<EventType>? types = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var typeFilter = types is null ? null : types.Select(t => (short)t).ToArray();
        return Run(
            c => Db.Query(
                c,
                $"SELECT day, type, {RollupDims}, count, value FROM event_rollup WHERE workspace_id = $1 AND day >= $2 AND day < $3 AND ($4::smallint[] IS NULL OR type = ANY($4))",
                r => new EventRollupRow(
                    r.GetFieldValue<DateOnly>(0), (EventType)r.GetInt16(1),
                    new EventDims(r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7), r.Text(8), r.Text(9), r.Text(10), r.Text(11), r.Text(12)),
                    r.GetInt64(13), Cells.Trim(r.GetDecimal(14))),
                workspace.Id, range.Start, range.End, typeFilter),
            write: false);
    }

    /// <summary>As <see cref="IDerivedViews.ReadEventTotals"/> documents: the rollup summed per day and type in the database.</summary>
    public IReadOnlyList<EventRollupRow> ReadEventTotals(Workspace workspace, DateRange range, IReadOnlyCollection<EventType> types)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(types);
        var typeFilter = types.Select(t => (short)t).ToArray();
        return Run(
            c => Db.Query(
                c,
                "SELECT day, type, sum(count)::bigint, sum(value) FROM event_rollup WHERE workspace_id = $1 AND day >= $2 AND day < $3 AND type = ANY($4) GROUP BY day, type HAVING sum(count) != 0",
                r => new EventRollupRow(r.GetFieldValue<DateOnly>(0), (EventType)r.GetInt16(1), default, r.GetInt64(2), Cells.Trim(r.GetDecimal(3))),
                workspace.Id, range.Start, range.End, typeFilter),
            write: false);
    }

    public long CountDistinctActors(Workspace workspace, IReadOnlyCollection<EventType> types, DateRange range) =>
        CountDistinctActors(workspace, types, [range])[0];

    /// <summary>
    /// As <see cref="IDerivedViews.CountDistinctActors(Workspace, IReadOnlyCollection{EventType}, IReadOnlyList{DateRange})"/>:
    /// one query over the days the ranges span, each range counted by its own filter (a year by
    /// month and its comparison: one round trip instead of fourteen).
    /// </summary>
    public IReadOnlyList<long> CountDistinctActors(Workspace workspace, IReadOnlyCollection<EventType> types, IReadOnlyList<DateRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(ranges);
        DistinctActorTypes.Check(types);
        if (ranges.Count == 0)
        {
            return [];
        }

        var typeFilter = types.Select(t => (short)t).ToArray();
        var counts = string.Join(", ", ranges.Select((_, i) => $"count(DISTINCT actor) FILTER (WHERE day >= ${5 + (2 * i)} AND day < ${6 + (2 * i)})"));
        object?[] args =
        [
            workspace.Id, typeFilter, ranges.Min(r => r.Start), ranges.Max(r => r.End),
            .. ranges.SelectMany(r => new object?[] { r.Start, r.End }),
        ];
        return Run(
            c => Db.Query(
                c,
                $"SELECT {counts} FROM actor_days WHERE workspace_id = $1 AND type = ANY($2) AND day >= $3 AND day < $4",
                r => Enumerable.Range(0, ranges.Count).Select(r.GetInt64).ToArray(),
                args).Single(),
            write: false);
    }

    /// <summary>
    /// As <see cref="IDerivedViews.ReadLifecycles"/> documents. The lifecycles last assembled are
    /// kept per workspace with the data version they were read at (in one snapshot), and handed
    /// out again while the version stands: cohort KPIs, and the stage rollup of a version not kept in
    /// the database yet, read them once per change instead of once per query.
    /// </summary>
    public IReadOnlyList<ContactLifecycle> ReadLifecycles(Workspace workspace) => Kept(workspace).Lifecycles;

    /// <summary>The kept lifecycles' stage times, worked out once per data version.</summary>
    public StageTimes ReadStageTimes(Workspace workspace) => Kept(workspace).StageTimes;

    /// <summary>
    /// As <see cref="IDerivedViews.ReadStageRollup"/> documents: from the rollup kept in the
    /// database for the current data version (<see cref="KeptStageRollup"/>), filtered there; when
    /// that version is not kept yet, from the kept lifecycles' whole rollup, which is then stored
    /// for the next process.
    /// </summary>
    public IReadOnlyList<StageRollupRow> ReadStageRollup(Workspace workspace, DateRange range, IReadOnlyCollection<ContactMoment>? moments = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (Run(c => KeptStageRollup.ReadRollup(c, workspace.Id, range, moments), write: false) is { } stored)
        {
            return stored;
        }

        var kept = Kept(workspace);
        KeepStageRollupInBackground(workspace, kept);
        return kept.ReadStageRollup(range, moments);
    }

    /// <summary>
    /// As <see cref="IDerivedViews.ReadStageCounts"/> documents: from the per-dimension sums kept for
    /// the current data version (a few rows a day), else as <see cref="ReadStageRollup"/> falls back.
    /// </summary>
    public IReadOnlyList<StageCountRow> ReadStageCounts(Workspace workspace, DateRange range, ContactMoment moment, string? dimension)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var number = StageRollup.DimensionNumber(dimension);
        if (Run(c => KeptStageRollup.ReadCounts(c, workspace.Id, range, moment, number), write: false) is { } stored)
        {
            return stored;
        }

        var kept = Kept(workspace);
        KeepStageRollupInBackground(workspace, kept);
        return kept.ReadStageCounts(range, moment, dimension);
    }

    /// <summary>
    /// Stores the stage rollup of the workspace's current lifecycles after a commit of at least
    /// <see cref="KeepStageRollupAtFacts"/> facts (an import, a migration, the demo), so that the
    /// next process reads it from SQL. The session is committed already: a failure here is
    /// swallowed, and the first reader stores the rollup instead.
    /// </summary>
    internal void KeepStageRollupAfterCommit(Workspace workspace)
    {
        try
        {
            var kept = Kept(workspace);
            if (_stageRollupKeeping.Claim(workspace.Id, kept.Version))
            {
                KeepStageRollup(workspace, kept, wait: true);
            }
        }
        catch (StoreTransientException)
        {
        }
        catch (PostgresException)
        {
            // A server error (out of disk, a read-only standby...): the read path works without the rows.
        }
    }

    /// <summary>
    /// A reader's store of <paramref name="kept"/>'s rollup, on a task of its own: the read
    /// answers from the lifecycles at once (a server's dashboard after each tracking commit does
    /// not wait about a second more at 10M events for the rows to be written), and
    /// <see cref="Dispose"/> waits for it (a CLI command stores before its process ends).
    /// </summary>
    private void KeepStageRollupInBackground(Workspace workspace, KeptLifecycles kept)
    {
        if (!_stageRollupKeeping.Claim(workspace.Id, kept.Version))
        {
            return;
        }

        _stageRollupKeeping.Start(() => KeepStageRollup(workspace, kept, wait: false));
    }

    /// <summary>Waits for the readers' stores still running (see <see cref="KeepStageRollupInBackground"/>); returns how many it waited for.</summary>
    internal int WaitForStoring() => _stageRollupKeeping.WaitAll();

    /// <summary>
    /// Stores <paramref name="kept"/>'s rollup as the rows of the version it was read at (once per
    /// version per process). The version and the lifecycles come from one snapshot, so the rows
    /// always match their tag; a commit landing afterwards only makes them a version that readers,
    /// who look for the current version, never ask for again. A failure is swallowed (storing must
    /// not fail a read; the transaction leaves no marker without its rows; the next reader stores).
    /// </summary>
    private void KeepStageRollup(Workspace workspace, KeptLifecycles kept, bool wait)
    {
        try
        {
            Run(c => KeptStageRollup.Store(c, workspace.Id, kept.Version, kept.Lifecycles, workspace.TimeZone, wait));
        }
        catch (Exception e) when (e is StoreTransientException or PostgresException)
        {
            // The next reader of this version tries again.
            _stageRollupKeeping.Release(workspace.Id, kept.Version);
        }
    }

    private KeptLifecycles Kept(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Run(
            c =>
            {
                var version = Db.Scalar(c, "SELECT data_version FROM workspaces WHERE id = $1", workspace.Id) as long? ?? 0;
                if (_lifecycles.TryGetValue(workspace.Id, out var kept) && kept.Version == version)
                {
                    return kept;
                }

                lock (_assembling)
                {
                    return _lifecycles.TryGetValue(workspace.Id, out kept) && kept.Version == version ? kept : Assemble(c, workspace);
                }
            },
            write: false);
    }

    /// <summary>The lifecycles and the data version they were read at, from one snapshot.</summary>
    private KeptLifecycles Assemble(NpgsqlConnection c, Workspace workspace)
    {
        using var snapshot = c.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var version = Db.Scalar(c, "SELECT data_version FROM workspaces WHERE id = $1", workspace.Id) as long? ?? 0;
        var lifecycles = LifecycleAssembler.Assemble(
            ReadAll(c, FactTables.Contacts, workspace.Id),
            ReadAll(c, FactTables.Stages, workspace.Id),
            ReadAll(c, FactTables.Accounts, workspace.Id),
            QueryIdentities(c, workspace.Id),
            QueryFirsts(c, workspace.Id));
        snapshot.Commit();
        var fresh = new KeptLifecycles(version, lifecycles, workspace.TimeZone);
        _lifecycles[workspace.Id] = fresh;
        return fresh;
    }

    public IReadOnlyList<IdentityLink> ReadIdentities(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Run(c => QueryIdentities(c, workspace.Id), write: false);
    }

    public long DataVersion(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Run(c => Db.Scalar(c, "SELECT data_version FROM workspaces WHERE id = $1", workspace.Id) as long? ?? 0, write: false);
    }

    /// <summary>As <see cref="IFactStore.ReadChannelEvents"/> documents, filtered in the database and only the fields a journey reads.</summary>
    public IEnumerable<ChannelEvent> ReadChannelEvents(
        Workspace workspace, IReadOnlySet<EventType> types, DateTimeOffset? from = null, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(types);
        return Stream(
            """
            SELECT ts, id, type, contact_id, anonymous_id, channel, campaign FROM events
            WHERE workspace_id = $1 AND channel IS NOT NULL AND type = ANY($2)
              AND ($3::timestamptz IS NULL OR ts >= $3) AND ($4::timestamptz IS NULL OR ts < $4)
            """,
            r => new ChannelEvent(r.Time(0), r.GetString(1), (EventType)r.GetInt16(2), r.Text(3), r.Text(4), r.GetString(5), r.Text(6)),
            workspace.Id, types.Select(t => (short)t).ToArray(), from?.UtcDateTime, until?.UtcDateTime);
    }

    private static List<TFact> ReadAll<TFact>(NpgsqlConnection connection, FactTable<TFact> table, long workspaceId)
        where TFact : class, IFact =>
        Db.Query(connection, $"SELECT {string.Join(", ", table.FactColumns)} FROM {table.Name} WHERE workspace_id = $1", table.Read, workspaceId);

    private static List<IdentityLink> QueryIdentities(NpgsqlConnection connection, long workspaceId) => Db.Query(
        connection, "SELECT anonymous_id, contact_id, linked_at FROM identities WHERE workspace_id = $1",
        r => new IdentityLink(r.GetString(0), r.GetString(1), r.Time(2)), workspaceId);

    /// <summary>The firsts a lifecycle can use: every contact's, and those of anonymous ids linked to a contact.</summary>
    private static List<ActorFirst> QueryFirsts(NpgsqlConnection connection, long workspaceId) => Db.Query(
        connection,
        """
        SELECT kind, is_contact, actor_id, event_id, ts, channel, source, medium, campaign, landing_page FROM firsts
        WHERE workspace_id = $1 AND (is_contact OR actor_id IN (SELECT anonymous_id FROM identities WHERE workspace_id = $1))
        """,
        r => new ActorFirst(
            (FirstKind)r.GetInt16(0), r.GetBoolean(1), r.GetString(2), r.GetString(3),
            new Touch(r.Time(4), r.Text(5), r.Text(6), r.Text(7), r.Text(8), r.Text(9))),
        workspaceId);
}
