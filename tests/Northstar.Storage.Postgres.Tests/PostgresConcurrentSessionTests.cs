using Northstar.Core.Facts;
using Northstar.Testing.Builders;

namespace Northstar.Storage.Postgres.Tests;

/// <summary>Two write sessions of one workspace take turns (the workspace's advisory lock); sessions of two workspaces do not wait.</summary>
public sealed class PostgresConcurrentSessionTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly PostgresFactStore _store;

    public PostgresConcurrentSessionTests() => _store = _database.OpenStore();

    [Fact]
    public async Task BeginWrite_SameWorkspaceWhileAnotherSessionRuns_WaitsForItsCommitThenReplacesOnTop()
    {
        var ws = _store.GetOrCreateWorkspace("acme");
        var first = _store.BeginWrite(ws);
        first.Write<EventFact>([new EventBuilder("e1").SessionStart().Anonymous("a1").Channel("email").Build()], new List<int>());
        var second = Task.Run(() =>
        {
            using var session = _store.BeginWrite(ws);
            session.Write<EventFact>([new EventBuilder("e1").SessionStart().Anonymous("a1").Channel("direct").Build()], new List<int>());
            session.Commit();
        });

        // The second session's backend waits on the workspace's advisory lock, and goes on only after the first commits.
        Assert.True(await WaitingOnAdvisoryLock());
        Assert.False(second.IsCompleted);
        first.Commit();
        first.Dispose();
        await second;

        var row = Assert.Single(_store.ReadEventRollup(ws, new Core.Metrics.DateRange(BuilderTime.Date(1), BuilderTime.Date(2))));
        Assert.Equal((1L, "direct"), (row.Count, row.Dims.Channel));
    }

    [Fact]
    public async Task BeginWrite_OtherWorkspaceWhileASessionRuns_DoesNotWait()
    {
        var a = _store.GetOrCreateWorkspace("a");
        var b = _store.GetOrCreateWorkspace("b");
        using var first = _store.BeginWrite(a);
        first.Write<EventFact>([new EventBuilder("e1").Build()], new List<int>());

        var other = Task.Run(() =>
        {
            using var session = _store.BeginWrite(b);
            session.Write<EventFact>([new EventBuilder("e1").Build()], new List<int>());
            session.Commit();
        });

        await other;
        Assert.Single(_store.Read<EventFact>(b));
        Assert.Empty(_store.Read<EventFact>(a));
    }

    /// <summary>Whether a backend of the test database comes to wait on an advisory lock (polled for up to 30 s).</summary>
    private async Task<bool> WaitingOnAdvisoryLock()
    {
        for (var i = 0; i < 300; i++)
        {
            if (_database.Scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'") is > 0L)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    public void Dispose()
    {
        _store.Dispose();
        _database.Dispose();
    }
}
