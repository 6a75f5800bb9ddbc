using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Testing.Builders;
using Northstar.Testing.Servers;
using Npgsql;

namespace Northstar.Storage.Postgres.Tests;

/// <summary>
/// A connection lost mid-write (its backend terminated) or a server stopped and started again:
/// the caller gets <see cref="StoreTransientException"/>, nothing of the failed write is kept,
/// and the same store object works again once the server answers.
/// </summary>
public sealed class PostgresConnectionLossTests
{
    [Fact]
    public void Commit_BackendTerminatedMidSession_TransientNothingKeptAndNextSessionWorks()
    {
        using var database = new TestDatabase();
        using var store = database.OpenStore();
        var ws = store.GetOrCreateWorkspace("acme");
        Write(store, ws, [new EventBuilder("kept").SessionStart().Anonymous("a1").Build()]);
        var version = store.DataVersion(ws);

        var session = store.BeginWrite(ws);
        session.Write<EventFact>([new EventBuilder("lost1").SessionStart().Anonymous("a2").Build()], new List<int>());
        session.Write<Contact>([new ContactBuilder("c-lost").Build()], new List<int>());
        Assert.Equal(1, TerminateOthers(database));
        var error = Record.Exception(() =>
        {
            session.Write<EventFact>([new EventBuilder("lost2").Build()], new List<int>());
            session.Commit();
        });
        session.Dispose();

        var transient = Assert.IsType<StoreTransientException>(error);
        Assert.Contains("nothing of this write was kept", transient.Message, StringComparison.Ordinal);
        Assert.Equal(["kept"], store.Read<EventFact>(ws).Select(e => e.Id));
        Assert.Empty(store.Read<Contact>(ws));
        Assert.Equal(version, store.DataVersion(ws));
        Write(store, ws, [new EventBuilder("after").SessionStart().Anonymous("a3").Build()]);
        Assert.Equal(["after", "kept"], store.Read<EventFact>(ws).Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, store.ReadEventRollup(ws, new Core.Metrics.DateRange(BuilderTime.Date(1), BuilderTime.Date(2))).Sum(r => r.Count));
    }

    [Fact]
    public void Write_ServerStoppedThenStarted_TransientWhileDownThenSameStoreWorks()
    {
        using var server = new ThrowawayPostgres(55441);
        using var store = PostgresFactStore.Open(server.ConnectionString);
        var ws = store.GetOrCreateWorkspace("acme");
        Write(store, ws, [new EventBuilder("kept").Build()]);
        var session = store.BeginWrite(ws);
        session.Write<EventFact>([new EventBuilder("lost").Build()], new List<int>());

        server.Stop();
        var duringWrite = Record.Exception(session.Commit);
        session.Dispose();
        var duringRead = Record.Exception(() => store.Read<EventFact>(ws).ToList());
        var duringBegin = Record.Exception(() => store.BeginWrite(ws).Dispose());
        server.Start();

        Assert.IsType<StoreTransientException>(duringWrite);
        Assert.IsType<StoreTransientException>(duringRead);
        Assert.IsType<StoreTransientException>(duringBegin);
        Assert.Equal(["kept"], store.Read<EventFact>(ws).Select(e => e.Id));
        Write(store, ws, [new EventBuilder("after").Build()]);
        Assert.Equal(2, store.Summarize(ws).Kinds[0].Count);
    }

    private static void Write(PostgresFactStore store, Core.Workspaces.Workspace ws, EventFact[] events)
    {
        using var session = store.BeginWrite(ws);
        session.Write<EventFact>(events, new List<int>());
        session.Commit();
    }

    /// <summary>Terminates the backends of the test database that sit in a transaction (the write session's); returns how many.</summary>
    private static int TerminateOthers(TestDatabase database)
    {
        using var connection = new NpgsqlConnection(database.Admin);
        connection.Open();
        using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND state LIKE 'idle in transaction%'", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database.Name });
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
