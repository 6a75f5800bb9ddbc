using Northstar.Core.Storage;
using Northstar.Storage.Postgres.Schema;

namespace Northstar.Storage.Postgres.Tests;

/// <summary>Schema migrations on open: recorded, applied once, newer databases refused, an unreachable server transient.</summary>
public sealed class PostgresMigrationTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public void Open_EmptyDatabase_RecordsEveryStepOnce()
    {
        using (_database.OpenStore())
        {
        }

        // One row per step: this build has two (the facts and views; the kept stage rollup).
        Assert.Equal(2L, _database.Scalar("SELECT count(*) FROM schema_version"));
        Assert.Equal(2, _database.Scalar("SELECT max(version) FROM schema_version"));
        Assert.Equal(2, SchemaMigrations.Steps.Count);
    }

    [Fact]
    public void Open_AgainOnMigratedDatabase_AppliesNothingAndKeepsData()
    {
        using (var store = _database.OpenStore())
        {
            store.GetOrCreateWorkspace("acme");
        }

        using var reopened = _database.OpenStore();

        Assert.Equal(2L, _database.Scalar("SELECT count(*) FROM schema_version"));
        Assert.NotNull(reopened.FindWorkspace("acme"));
    }

    [Fact]
    public void Open_FourAtOnce_StepsAppliedOnce()
    {
        var stores = new PostgresFactStore[4];

        Parallel.For(0, 4, i => stores[i] = _database.OpenStore());

        foreach (var store in stores)
        {
            store.Dispose();
        }

        Assert.Equal(2L, _database.Scalar("SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public void Open_DatabaseOfNewerVersion_RefusedNamingIt()
    {
        using (_database.OpenStore())
        {
        }

        _database.Scalar("INSERT INTO schema_version(version) VALUES (7)");

        var error = Assert.Throws<StoreUnavailableException>(() => _database.OpenStore());

        Assert.Contains("schema version 7", error.Message, StringComparison.Ordinal);
        Assert.Contains(_database.Name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NewStepAdded_AppliesOnlyThatStep()
    {
        using (_database.OpenStore())
        {
        }

        using (PostgresFactStore.Open(_database.ConnectionString, [.. SchemaMigrations.Steps, "CREATE TABLE step_next(x int)"]))
        {
        }

        Assert.Equal(3, _database.Scalar("SELECT max(version) FROM schema_version"));
        Assert.Equal(0L, _database.Scalar("SELECT count(*) FROM step_next"));
    }

    [Fact]
    public void Open_NothingListeningOnPort_IsTransient()
    {
        var error = Assert.Throws<StoreTransientException>(() => PostgresFactStore.Open("Host=127.0.0.1;Port=1;Username=northstar;Database=x;Timeout=3"));

        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();
}
