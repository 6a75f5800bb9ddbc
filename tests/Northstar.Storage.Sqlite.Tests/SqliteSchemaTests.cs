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
    public void Open_FileFromBeforeStep6_DayBlobViewsMovedToRowidTablesWithTheirRows()
    {
        // Sessions on three days by a1..a4 (a1 twice on day 1), one form submission on day 2.
        var events = new[]
        {
            new EventBuilder("e1").SessionStart().At(day: 1).Anonymous("a1").Channel("email").Build(),
            new EventBuilder("e2").SessionStart().At(day: 1, hour: 2).Anonymous("a1").Channel("email").Build(),
            new EventBuilder("e3").SessionStart().At(day: 1, hour: 3).Anonymous("a2").Build(),
            new EventBuilder("e4").SessionStart().At(day: 2).Anonymous("a3").Build(),
            new EventBuilder("e5").FormSubmit().At(day: 2, hour: 1).Anonymous("a3").Build(),
            new EventBuilder("e6").SessionStart().At(day: 3).Anonymous("a4").Build(),
        };
        using (var old = SqliteFactStore.Open(Db, [.. SchemaMigrations.Steps.Take(5)], EventKeyHash.Compute))
        {
            using var session = old.BeginWrite(old.GetOrCreateWorkspace("acme"));
            session.Write<EventFact>(events, new List<int>());
            session.Commit();
        }

        Assert.Contains("WITHOUT ROWID", Scalar<string>("SELECT sql FROM sqlite_schema WHERE name = 'actor_days'"), StringComparison.Ordinal);

        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        var days = new Core.Metrics.DateRange(BuilderTime.Date(0), BuilderTime.Date(5));

        Assert.DoesNotContain("WITHOUT ROWID", Scalar<string>("SELECT sql FROM sqlite_schema WHERE name = 'actor_days'"), StringComparison.Ordinal);
        Assert.DoesNotContain("WITHOUT ROWID", Scalar<string>("SELECT sql FROM sqlite_schema WHERE name = 'event_rollup'"), StringComparison.Ordinal);
        Assert.Equal(5, store.ReadEventRollup(ws, days, [EventType.SessionStart]).Sum(r => r.Count));
        Assert.Equal(4, store.CountDistinctActors(ws, [EventType.SessionStart], days));
        Assert.Equal(1, store.CountDistinctActors(ws, [EventType.FormSubmit], days));

        // Written again after the move: a1 on day 4, a5 on day 4; the upserts find the moved rows' key.
        using (var session = store.BeginWrite(ws))
        {
            session.Write<EventFact>(
                [new EventBuilder("e7").SessionStart().At(day: 4).Anonymous("a1").Build(), new EventBuilder("e8").SessionStart().At(day: 1, hour: 5).Anonymous("a5").Build()],
                new List<int>());
            session.Commit();
        }

        Assert.Equal(7, store.ReadEventRollup(ws, days, [EventType.SessionStart]).Sum(r => r.Count));
        Assert.Equal(5, store.CountDistinctActors(ws, [EventType.SessionStart], days));
        Assert.Equal(3, store.CountDistinctActors(ws, [EventType.SessionStart], new Core.Metrics.DateRange(BuilderTime.Date(1), BuilderTime.Date(2))));
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
