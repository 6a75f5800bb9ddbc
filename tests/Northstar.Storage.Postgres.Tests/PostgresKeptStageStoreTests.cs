using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.Postgres.Schema;
using Northstar.Storage.Postgres.Stages;
using Northstar.Testing.Builders;
using Npgsql;

namespace Northstar.Storage.Postgres.Tests;

/// <summary>
/// Storing a version's kept stage rollup (<see cref="KeptStageRollup.Store"/>) more than once or
/// at once, behind another storer, after a newer version, and in a database from before the
/// tables (schema step 1). Counts from <see cref="KeptStageFixture"/> (17 rollup rows, 4 leads).
/// </summary>
public sealed class PostgresKeptStageStoreTests : IDisposable
{
    private static readonly DateRange AllDays = new(BuilderTime.Date(-30), BuilderTime.Date(60));

    private readonly TestDatabase _database = new();

    [Fact]
    public void Store_SameVersionTwice_SecondWritesNothing()
    {
        using var store = _database.OpenStore();
        var (ws, version, lifecycles) = Written(store);

        var first = Store(version, lifecycles, wait: true, ws.Id);
        var second = Store(version, lifecycles, wait: true, ws.Id);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(["17|19"], KeptStageFixture.Rows(_database, "SELECT count(*), sum(count) FROM stage_rollup_kept"));
    }

    [Fact]
    public async Task Store_SameVersionFromFourConnectionsAtOnce_OneWritesAndLeadsAreNotDoubled()
    {
        using var store = _database.OpenStore();
        var (ws, version, lifecycles) = Written(store);

        var stored = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Store(version, lifecycles, wait: true, ws.Id))));

        Assert.Single(stored, s => s);
        Assert.Equal(["17|19"], KeptStageFixture.Rows(_database, "SELECT count(*), sum(count) FROM stage_rollup_kept"));
        using var next = _database.OpenStore();
        Assert.Equal(4, next.ReadStageCounts(ws, AllDays, ContactMoment.Lead, null).Sum(r => r.Count));
    }

    [Fact]
    public void Store_ReaderWhileAnotherStorerHoldsTheLock_GivesUpAtOnceWritingNothing()
    {
        using var store = _database.OpenStore();
        var (ws, version, lifecycles) = Written(store);
        using var other = new NpgsqlConnection(_database.ConnectionString);
        other.Open();
        using var holding = other.BeginTransaction();
        using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({KeptStageRollup.LockClass}, {ws.Id})", other))
        {
            take.ExecuteNonQuery();
        }

        var gaveUp = !Store(version, lifecycles, wait: false, ws.Id);
        holding.Rollback();
        var afterRelease = Store(version, lifecycles, wait: false, ws.Id);

        Assert.True(gaveUp);
        Assert.True(afterRelease);
        Assert.Equal(["17"], KeptStageFixture.Rows(_database, "SELECT count(*) FROM stage_rollup_kept"));
    }

    [Fact]
    public void Store_OlderVersionAfterANewerOne_Skipped()
    {
        using var store = _database.OpenStore();
        var (ws, version, lifecycles) = Written(store);

        Assert.True(Store(version, lifecycles, wait: true, ws.Id));
        Assert.False(Store(version - 1, lifecycles, wait: true, ws.Id));

        Assert.Equal([$"{version}|17"], KeptStageFixture.Rows(_database, "SELECT version, count(*) FROM stage_rollup_kept GROUP BY version"));
    }

    [Fact]
    public void Open_DatabaseAtStepOne_AddsTheTablesAndFirstReaderStores()
    {
        Core.Workspaces.Workspace ws;
        using (var old = PostgresFactStore.Open(_database.ConnectionString, [SchemaMigrations.Steps[0]]))
        {
            ws = old.GetOrCreateWorkspace("acme");
            KeptStageFixture.Write(old, ws);
        }

        using var store = _database.OpenStore();
        var noMarkerAtOpen = _database.Scalar("SELECT count(*) FROM stage_kept_versions");
        var leads = store.ReadStageCounts(ws, AllDays, ContactMoment.Lead, Dimensions.Channel).OrderBy(r => r.Day).ToList();
        store.WaitForStoring();

        Assert.Equal(0L, noMarkerAtOpen);
        Assert.Equal([new(BuilderTime.Date(2), "email", 2), new(BuilderTime.Date(4), "paid_search", 1), new(BuilderTime.Date(5), "", 1)], leads);
        Assert.Equal([$"{store.DataVersion(ws)}|17"], KeptStageFixture.Rows(_database, "SELECT m.version, m.rollup_rows FROM stage_kept_versions m"));
    }

    public void Dispose() => _database.Dispose();

    /// <summary>The fixture written below the commit threshold (nothing kept), its version and lifecycles.</summary>
    private static (Core.Workspaces.Workspace Workspace, long Version, IReadOnlyList<ContactLifecycle> Lifecycles) Written(PostgresFactStore store)
    {
        var ws = store.GetOrCreateWorkspace("acme");
        KeptStageFixture.Write(store, ws);
        return (ws, store.DataVersion(ws), store.ReadLifecycles(ws));
    }

    private bool Store(long version, IReadOnlyList<ContactLifecycle> lifecycles, bool wait, long workspaceId)
    {
        using var connection = new NpgsqlConnection(_database.ConnectionString);
        connection.Open();
        return KeptStageRollup.Store(connection, workspaceId, version, lifecycles, "UTC", wait);
    }
}
