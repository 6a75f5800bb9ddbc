using Northstar.Core.Facts;
using Northstar.Testing.Builders;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>What survives closing and reopening the file.</summary>
public sealed class SqliteDurabilityTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Db => _dir.File("northstar.db");

    [Fact]
    public void Open_AfterCommit_SeesEverythingWritten()
    {
        var contact = new ContactBuilder("c1").Full().Build();
        var events = new[] { new EventBuilder("e1").Full().Build(), new EventBuilder("e2").Build() };
        using (var store = SqliteFactStore.Open(Db))
        {
            var ws = store.GetOrCreateWorkspace("acme");
            using var session = store.BeginWrite(ws);
            session.Write<EventFact>(events, new List<int>());
            session.Write<Contact>([contact], new List<int>());
            session.Commit();
            store.SetChannelRules(ws, [new("partner", Source: "partnerco")]);
        }

        using var reopened = SqliteFactStore.Open(Db);
        var again = Assert.Single(reopened.ListWorkspaces());

        Assert.Equal("acme", again.Name);
        Assert.Equal(events, reopened.Read<EventFact>(again).OrderBy(e => e.Id, StringComparer.Ordinal));
        Assert.Equal([contact], reopened.Read<Contact>(again));
        Assert.Equal([new("partner", Source: "partnerco")], reopened.GetChannelRules(again));
    }

    [Fact]
    public void Open_WhileAnotherStoreHoldsAnUncommittedSession_SeesTheFileAsBefore()
    {
        var kept = new EventBuilder("e1").Channel("email").Build();
        using var writer = SqliteFactStore.Open(Db);
        var ws = writer.GetOrCreateWorkspace("acme");
        using (var first = writer.BeginWrite(ws))
        {
            first.Write<EventFact>([kept], new List<int>());
            first.Commit();
        }

        using (var pending = writer.BeginWrite(ws))
        {
            pending.Write<EventFact>([new EventBuilder("e1").Channel("direct").Build(), new EventBuilder("e2").Build()], new List<int>());

            using var other = SqliteFactStore.Open(Db);
            Assert.Equal([kept], other.Read<EventFact>(ws));
        }

        using var reopened = SqliteFactStore.Open(Db);
        Assert.Equal([kept], reopened.Read<EventFact>(ws));
    }

    [Fact]
    public void GetOrCreateWorkspace_ExistingWhileSessionOpen_ReturnsItWithoutTheWriteLock()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        using var session = store.BeginWrite(ws);

        // Taking the write lock here would wait out the busy timeout and then fail.
        var again = store.GetOrCreateWorkspace("acme");

        Assert.Equal(ws, again);
    }

    [Fact]
    public void BeginWrite_WorkspaceOfAnotherFile_Throws()
    {
        using var store = SqliteFactStore.Open(Db);

        Assert.Throws<ArgumentException>(() => store.BeginWrite(new Core.Workspaces.Workspace(99, "ghost")));
    }

    public void Dispose() => _dir.Dispose();
}
