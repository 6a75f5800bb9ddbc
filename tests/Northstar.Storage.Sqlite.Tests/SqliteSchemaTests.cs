using Microsoft.Data.Sqlite;
using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Storage.Sqlite.Events;
using Northstar.Storage.Sqlite.Schema;
using Northstar.Testing.Builders;

namespace Northstar.Storage.Sqlite.Tests;

public sealed class SqliteSchemaTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Db => _dir.File("northstar.db");

    [Fact]
    public void Open_NewFile_AppliesEveryMigrationInWalModeWithLargePages()
    {
        using (SqliteFactStore.Open(Db))
        {
        }

        Assert.Equal(SchemaMigrations.Steps.Count, Scalar<long>("PRAGMA user_version"));
        Assert.Equal("wal", Scalar<string>("PRAGMA journal_mode"));
        Assert.Equal(65_536L, Scalar<long>("PRAGMA page_size"));
        Assert.Equal(
            ["accounts", "activities", "actor_days", "actor_firsts", "api_tokens", "channel_rules", "contact_lifecycles", "contacts", "custom_kpis", "deals", "event_dims", "event_rollup", "event_segments", "events", "goals", "identities", "imports", "memberships", "series", "spend", "stage_counts", "stage_rollup", "stage_time_values", "stage_times", "stages", "store_state", "subscriptions", "surveys", "users", "workspace_settings", "workspaces", "write_keys"],
            Tables());
    }

    [Fact]
    public void Open_FileAtOlderVersion_AppliesOnlyTheNewSteps()
    {
        string[] v1 = [.. SchemaMigrations.Steps];
        string[] v2 = [.. v1, "CREATE TABLE extra(x INTEGER); INSERT INTO extra VALUES (42)"];
        var contact = new ContactBuilder("c1").Segment("smb").Build();
        using (var store = SqliteFactStore.Open(Db, v1, EventKeyHash.Compute))
        {
            Write(store, contact);
        }

        using (SqliteFactStore.Open(Db, v2, EventKeyHash.Compute))
        {
        }

        using (var store = SqliteFactStore.Open(Db, v2, EventKeyHash.Compute))
        {
            Assert.Equal(v2.Length, Scalar<long>("PRAGMA user_version"));
            Assert.Equal(1L, Scalar<long>("SELECT count(*) FROM extra"));
            Assert.Equal([contact], store.Read<Contact>(store.GetOrCreateWorkspace("acme")));
        }
    }

    [Fact]
    public void Open_FileFromNewerVersion_FailsNamingBothVersions()
    {
        using (SqliteFactStore.Open(Db))
        {
        }

        var newer = SchemaMigrations.Steps.Count + 1;
        Scalar<long>($"PRAGMA user_version = {newer}; SELECT 0");

        var error = Assert.Throws<StoreUnavailableException>(() => SqliteFactStore.Open(Db));

        Assert.Contains($"schema version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {SchemaMigrations.Steps.Count}", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer Northstar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FolderMissing_CreatesIt()
    {
        var nested = _dir.File(Path.Combine("a", "b", "northstar.db"));

        using var store = SqliteFactStore.Open(nested);

        Assert.True(File.Exists(nested));
        Assert.Equal(nested, store.Path);
    }

    public void Dispose() => _dir.Dispose();

    private static void Write(SqliteFactStore store, Contact contact)
    {
        using var session = store.BeginWrite(store.GetOrCreateWorkspace("acme"));
        session.Write<Contact>([contact], new List<int>());
        session.Commit();
    }

    private T Scalar<T>(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    private List<string> Tables()
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
