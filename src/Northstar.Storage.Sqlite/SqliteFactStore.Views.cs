using Microsoft.Data.Sqlite;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Workspaces;
using Northstar.Storage.Sqlite.Lifecycles;
using Northstar.Storage.Sqlite.Sql;
using Northstar.Storage.Sqlite.Views;

namespace Northstar.Storage.Sqlite;

/// <summary>The derived views' reads: from the view tables the write sessions keep (<see cref="ViewMaintainer"/>).</summary>
public sealed partial class SqliteFactStore
{
    private static readonly string[] ViewTables = ["event_rollup", "event_dims", "actor_days", "actor_firsts", "identities", "contact_lifecycles", "stage_rollup", "stage_counts", "stage_times", "stage_time_values"];

    public IReadOnlyList<EventRollupRow> ReadEventRollup(Workspace workspace, DateRange range, IReadOnlyCollection<EventType>? types = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var connection = OpenConnection();
        return RollupTable.Read(connection.Handle!, workspace.Id, range, types);
    }

    public long CountDistinctActors(Workspace workspace, IReadOnlyCollection<EventType> types, DateRange range) =>
        CountDistinctActors(workspace, types, [range])[0];

    /// <summary>As <see cref="IDerivedViews.CountDistinctActors(Workspace, IReadOnlyCollection{EventType}, IReadOnlyList{DateRange})"/>: the days the ranges cover read once, in one read transaction.</summary>
    public IReadOnlyList<long> CountDistinctActors(Workspace workspace, IReadOnlyCollection<EventType> types, IReadOnlyList<DateRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(ranges);
        DistinctActorTypes.Check(types);
        using var connection = OpenConnection();
        using var tx = connection.BeginTransaction(deferred: true);
        return ActorDayTable.CountDistinct(connection.Handle!, workspace.Id, types, ranges);
    }

    public IReadOnlyList<ContactLifecycle> ReadLifecycles(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        // One read transaction, so the stale mark and the rows (or the small tables) agree.
        using var connection = OpenConnection();
        using var tx = connection.BeginTransaction(deferred: true);
        var db = connection.Handle!;
        return LifecycleTable.IsStale(db, workspace.Id)
            ? LifecycleInputs.AssembleAll(db, workspace.Id)
            : LifecycleTable.Read(db, workspace.Id);
    }

    public IReadOnlyList<ContactLifecycle> ReadLifecyclesOf(Workspace workspace, IReadOnlyCollection<string> contactIds)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(contactIds);
        using var connection = OpenConnection();
        using var tx = connection.BeginTransaction(deferred: true);
        var db = connection.Handle!;
        if (!LifecycleTable.IsStale(db, workspace.Id))
        {
            return LifecycleTable.Read(db, workspace.Id, contactIds);
        }

        var wanted = contactIds.ToHashSet(StringComparer.Ordinal);
        return [.. LifecycleInputs.AssembleAll(db, workspace.Id).Where(l => wanted.Contains(l.ContactId))];
    }

    public IReadOnlyList<StageRollupRow> ReadStageRollup(Workspace workspace, DateRange range, IReadOnlyCollection<ContactMoment>? moments = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var connection = OpenConnection();
        using var tx = connection.BeginTransaction(deferred: true);
        var db = connection.Handle!;
        if (!StageRollupTable.IsStale(db, workspace.Id))
        {
            return StageRollupTable.Read(db, workspace.Id, range, moments);
        }

        var lifecycles = LifecycleTable.IsStale(db, workspace.Id)
            ? LifecycleInputs.AssembleAll(db, workspace.Id)
            : LifecycleTable.Read(db, workspace.Id);
        return StageRollup.From(lifecycles, workspace.TimeZone, range, moments);
    }

    public IReadOnlyList<StageCountRow> ReadStageCounts(Workspace workspace, DateRange range, ContactMoment moment, string? dimension)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        StageRollupTable.DimensionNumber(dimension);
        using (var connection = OpenConnection())
        {
            using var tx = connection.BeginTransaction(deferred: true);
            if (!StageRollupTable.IsStale(connection.Handle!, workspace.Id))
            {
                return StageRollupTable.ReadCounts(connection.Handle!, workspace.Id, range, moment, dimension);
            }
        }

        return StageRollup.Counts(ReadStageRollup(workspace, range, [moment]), dimension);
    }

    public StageTimes ReadStageTimes(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var connection = OpenConnection();
        using var tx = connection.BeginTransaction(deferred: true);
        var db = connection.Handle!;
        if (!StageRollupTable.IsStale(db, workspace.Id))
        {
            return StageTimesTable.Read(db, workspace.Id);
        }

        return StageTimes.From(LifecycleTable.IsStale(db, workspace.Id)
            ? LifecycleInputs.AssembleAll(db, workspace.Id)
            : LifecycleTable.Read(db, workspace.Id));
    }

    public IReadOnlyList<IdentityLink> ReadIdentities(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var connection = OpenConnection();
        return FirstsTable.ReadIdentities(connection.Handle!, workspace.Id);
    }

    public long DataVersion(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var connection = OpenConnection();
        return NativeSql.ScalarInt64(connection.Handle!, "SELECT coalesce(max(data_version), 0) FROM workspaces WHERE id = ?1", workspace.Id);
    }

    /// <summary>Within ClearFacts' transaction: the views go with the facts, and the version moves.</summary>
    private static void ClearViews(SqliteConnection connection, long workspaceId)
    {
        var db = connection.Handle!;
        foreach (var table in ViewTables)
        {
            using var delete = new Statement(db, $"DELETE FROM {table} WHERE workspace_id = ?1");
            delete.Int(1, workspaceId).Run();
        }

        var batch = NativeSql.ScalarInt64(db, "UPDATE store_state SET last_batch = last_batch + 1 RETURNING last_batch");
        NativeSql.ScalarInt64(db, "UPDATE workspaces SET data_version = ?2 WHERE id = ?1 RETURNING data_version", workspaceId, batch);
    }
}
