using System.Text.Json;
using Microsoft.Data.Sqlite;
using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Workspaces;
using Northstar.Storage.Sqlite.Events;
using Northstar.Storage.Sqlite.Schema;
using Northstar.Testing.Builders;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>
/// The stored lifecycles (<c>contact_lifecycles</c>): kept at commit for the contacts a session
/// touched, rebuilt whole when marked stale, read back in ordinal contact order, and always equal
/// to an assembly from the fact tables (<see cref="DerivedViewBuilder"/> over the store's facts).
/// </summary>
public sealed class SqliteLifecycleStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Db => _dir.File("lifecycles.db");

    [Fact]
    public void Commit_AccountSegmentChangedLater_ContactTakesTheNewSegment()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        Write(store, ws, [new ContactBuilder("c1").Account("x").Build(), new ContactBuilder("c2").Account("x").Segment("smb").Build()]);
        Write(store, ws, [new AccountBuilder("x").Segment("mid_market").Build()]);

        Write(store, ws, [new AccountBuilder("x").Segment("enterprise").Build()]);

        var segments = store.ReadLifecycles(ws).Select(l => (l.ContactId, l.Segment)).ToList();
        // c1 has no segment of its own (its account's), c2 keeps its own.
        Assert.Equal([("c1", "enterprise"), ("c2", "smb")], segments);
        Assert.Equal(0L, Scalar("SELECT lifecycles_stale FROM workspaces"));
        AssertMatchesReference(store, ws);
    }

    [Fact]
    public void Commit_LaterIdentifyLinksEarlierVisits_FirstTouchMovesToTheVisit()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        Write(store, ws, [new ContactBuilder("c1").CreatedAt(day: 5).Channel("referral").Build()]);
        Write(store, ws, [new EventBuilder("v1").SessionStart().At(day: 2).Anonymous("a1").Channel("organic_search").Build()]);
        Assert.Equal("referral", Assert.Single(store.ReadLifecycles(ws)).Channel);

        Write(store, ws, [new EventBuilder("v2").FormSubmit().At(day: 5).Anonymous("a1").Contact("c1").LandingPage("/demo").Build()]);

        var lifecycle = Assert.Single(store.ReadLifecycles(ws));
        Assert.Equal(("organic_search", BuilderTime.At(2), "/demo"), (lifecycle.Channel, lifecycle.FirstTouch?.Timestamp, lifecycle.LandingPage));
        AssertMatchesReference(store, ws);
    }

    [Fact]
    public void Commit_ManySmallSessionsOfEveryKind_StoredEqualsReferenceAfterEach()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        var random = new Random(7);
        for (var session = 0; session < 12; session++)
        {
            var contacts = Enumerable.Range(0, 5).Select(_ => new ContactBuilder($"c{random.Next(30)}")
                .Account($"acc{random.Next(4)}").Segment(random.Next(2) == 0 ? null : "smb").Channel(random.Next(2) == 0 ? null : "email")
                .CreatedAt(random.Next(3) == 0 ? null : BuilderTime.At(1 + random.Next(20))).Build()).DistinctBy(c => c.ContactId).ToArray();
            var stages = Enumerable.Range(0, 6).Select(_ => new StageChangeBuilder($"c{random.Next(30)}")
                .Stage((Stage)random.Next(9)).EnteredAt(day: 1 + random.Next(30)).Build()).DistinctBy(s => (s.ContactId, s.Stage)).ToArray();
            var accounts = new[] { new AccountBuilder($"acc{random.Next(4)}").Segment(random.Next(2) == 0 ? "enterprise" : null).Build() };
            var events = Enumerable.Range(0, 40).Select(_ => new EventBuilder($"e{random.Next(80)}")
                .Type(random.Next(3) == 0 ? EventType.FormSubmit : EventType.SessionStart)
                .At(BuilderTime.At(1 + random.Next(20), random.Next(24)))
                .Anonymous(random.Next(4) == 0 ? null : $"a{random.Next(60)}")
                .Contact(random.Next(3) == 0 ? $"c{random.Next(30)}" : null)
                .Channel(random.Next(2) == 0 ? "paid_social" : "organic_search").Build()).DistinctBy(e => e.Id).ToArray();

            using (var write = store.BeginWrite(ws))
            {
                var conflicts = new List<int>();
                write.Write<Contact>(contacts, conflicts);
                write.Write<StageChange>(stages, conflicts);
                write.Write<Account>(accounts, conflicts);
                write.Write<EventFact>(events, conflicts);
                write.Commit();
            }

            AssertMatchesReference(store, ws);
        }

        Assert.Equal(0L, Scalar("SELECT lifecycles_stale FROM workspaces"));
    }

    [Fact]
    public void Dispose_SessionNotCommitted_StoredLifecyclesAsBefore()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        Write(store, ws, [new ContactBuilder("c1").CreatedAt(day: 1).Channel("email").Build()]);
        var before = RawRows();

        using (var write = store.BeginWrite(ws))
        {
            write.Write<Contact>([new ContactBuilder("c1").CreatedAt(day: 2).Channel("direct").Build(), new ContactBuilder("c2").Build()], new List<int>());
            write.Write<StageChange>([new StageChangeBuilder("c3").Stage(Stage.Lead).EnteredAt(day: 3).Build()], new List<int>());
            write.Write<EventFact>([new EventBuilder("e1").SessionStart().Contact("c1").Channel("paid_search").Build()], new List<int>());
        }

        Assert.Equal(before, RawRows());
        var lifecycle = Assert.Single(store.ReadLifecycles(ws));
        Assert.Equal(("email", BuilderTime.At(1)), (lifecycle.Channel, lifecycle.FirstKnownAt));
    }

    [Fact]
    public void Open_StoreAfterCommit_ReadsTheStoredLifecyclesNotStale()
    {
        using (var store = SqliteFactStore.Open(Db))
        {
            var ws = store.GetOrCreateWorkspace("acme");
            Write(store, ws, [new StageChangeBuilder("c1").Stage(Stage.Mql).EnteredAt(day: 4).Build()]);
        }

        using (var reopened = SqliteFactStore.Open(Db))
        {
            var lifecycle = Assert.Single(reopened.ReadLifecycles(reopened.GetOrCreateWorkspace("acme")));
            // Lead and IQL are filled from the MQL time (skipped stages), FirstKnownAt is the earliest stage.
            Assert.Equal((BuilderTime.At(4), BuilderTime.At(4), BuilderTime.At(4)), (lifecycle.EnteredAt(Stage.Lead), lifecycle.EnteredAt(Stage.Iql), lifecycle.FirstKnownAt));
        }

        Assert.Equal((0L, 1L), (Scalar("SELECT lifecycles_stale FROM workspaces"), Scalar("SELECT count(*) FROM contact_lifecycles")));
    }

    [Fact]
    public void Open_FileFromBeforeTheTable_WorkspacesMarkedStale()
    {
        string[] v1 = [SchemaMigrations.Steps[0]];
        using (var old = SqliteFactStore.Open(Db, v1, EventKeyHash.Compute))
        {
            old.GetOrCreateWorkspace("acme");
        }

        using (SqliteFactStore.Open(Db))
        {
        }

        Assert.Equal((1L, 0L), (Scalar("SELECT lifecycles_stale FROM workspaces"), Scalar("SELECT count(*) FROM contact_lifecycles")));
    }

    [Fact]
    public void ReadLifecycles_Stale_AssemblesUntilTheNextCommitRebuilds()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        Write(store, ws, [new ContactBuilder("c1").CreatedAt(day: 3).Channel("email").Build()]);
        Write(store, ws, [new EventBuilder("e1").SessionStart().At(day: 1).Anonymous("a1").Contact("c1").Channel("paid_search").Build()]);
        // What the migration leaves a file with facts in: no stored rows, the workspace marked stale.
        Scalar("DELETE FROM contact_lifecycles; UPDATE workspaces SET lifecycles_stale = 1; SELECT 0");

        var assembled = Assert.Single(store.ReadLifecycles(ws));
        Assert.Equal(("paid_search", BuilderTime.At(1)), (assembled.Channel, assembled.FirstTouch?.Timestamp));

        using (var empty = store.BeginWrite(ws))
        {
            empty.Commit();
        }

        Assert.Equal((0L, 1L), (Scalar("SELECT lifecycles_stale FROM workspaces"), Scalar("SELECT count(*) FROM contact_lifecycles")));
        Assert.Equal(Json([assembled]), Json(store.ReadLifecycles(ws)));
        AssertMatchesReference(store, ws);
    }

    [Fact]
    public void ReadLifecycles_IdsBeyondTheBasicPlane_OrdinalOrderNotSqliteOrder()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        // UTF-8 (SQLite's key order) puts U+FFFD before U+1F600; UTF-16 ordinal puts the surrogate pair (0xD83D) first.
        Write(store, ws, [new ContactBuilder("c\uFFFD").Build(), new ContactBuilder("c\U0001F600").Build(), new ContactBuilder("b").Build()]);

        var ids = store.ReadLifecycles(ws).Select(l => l.ContactId).ToList();

        Assert.Equal(["b", "c\U0001F600", "c\uFFFD"], ids);
    }

    [Fact]
    public void ClearFacts_StoredLifecycles_Removed()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        Write(store, ws, [new ContactBuilder("c1").Build()]);

        store.ClearFacts(ws);

        Assert.Empty(store.ReadLifecycles(ws));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM contact_lifecycles"));
    }

    public void Dispose() => _dir.Dispose();

    private static void Write<TFact>(SqliteFactStore store, Workspace ws, TFact[] facts)
        where TFact : class, IFact => StoredFacts.Commit(store, ws, facts);

    private static void AssertMatchesReference(SqliteFactStore store, Workspace ws)
    {
        var reference = StoredFacts.Reference(store, ws);
        Assert.Equal(Json(reference.Lifecycles), Json(store.ReadLifecycles(ws)));
    }

    private static string Json(IEnumerable<ContactLifecycle> lifecycles) => JsonSerializer.Serialize(lifecycles.ToList());

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private List<string> RawRows()
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT contact_id, hex(data) FROM contact_lifecycles ORDER BY contact_id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0) + " " + reader.GetString(1));
        }

        return rows;
    }
}
