using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.Sqlite.Views;
using Northstar.Testing.Builders;
using Northstar.Testing.Contracts;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>SQLite-specific view maintenance: counts merged mid-session, the view tables' own rows.</summary>
public sealed class SqliteViewMaintenanceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Write_CountsFlushedMidSession_StillMatchReference()
    {
        var previous = EventViewCollector.FlushEntries;
        EventViewCollector.FlushEntries = 50;
        try
        {
            using var store = SqliteFactStore.Open(_dir.File("views.db"));
            var ws = store.GetOrCreateWorkspace("acme");
            using (var session = store.BeginWrite(ws))
            {
                var events = ViewsFixture.Events.Concat(Enumerable.Range(0, 500).Select(i =>
                    new EventBuilder($"x{i}").SessionStart().At(day: 1 + (i % 7)).Anonymous($"a{i % 40}").Channel(i % 3 == 0 ? "email" : null).Build())).ToArray();
                for (var start = 0; start < events.Length; start += 100)
                {
                    session.Write<EventFact>(events.AsSpan(start, Math.Min(100, events.Length - start)), new List<int>());
                }

                session.Commit();
            }

            var reference = DerivedViewBuilder.Build("UTC", store.Read<EventFact>(ws), [], [], []);
            var range = new Core.Metrics.DateRange(BuilderTime.Date(0), BuilderTime.Date(10));
            // 5 fixture session starts + 500 more.
            Assert.Equal(505, store.ReadEventRollup(ws, range, [EventType.SessionStart]).Sum(r => r.Count));
            Assert.Equal(reference.CountDistinctActors([EventType.SessionStart], range), store.CountDistinctActors(ws, [EventType.SessionStart], range));
        }
        finally
        {
            EventViewCollector.FlushEntries = previous;
        }
    }

    [Fact]
    public void Write_ManyChunksThenChangedEvents_CountsMoveOnlyForViewFields()
    {
        // Arrange: 10,000 session starts in one write (three writer chunks of 4096, folded by the third stage).
        using var store = SqliteFactStore.Open(_dir.File("chunks.db"));
        var ws = store.GetOrCreateWorkspace("acme");
        EventFact Event(int i, bool form = false, string session = "s") =>
            new EventBuilder($"x{i}").Type(form ? EventType.FormSubmit : EventType.SessionStart).At(day: 1 + (i % 20))
                .Anonymous($"a{i % 300}").Session(session).Channel(i % 3 == 0 ? "email" : null).Build();
        Commit(store, ws, [.. Enumerable.Range(0, 10_000).Select(i => Event(i))]);
        var version = store.DataVersion(ws);

        // Act: x0..x999 become form submissions; x1000..x1999 change only their session id (no view reads it).
        Commit(store, ws, [.. Enumerable.Range(0, 2_000).Select(i => i < 1_000 ? Event(i, form: true) : Event(i, session: "t"))]);

        // Assert
        var range = new Core.Metrics.DateRange(BuilderTime.Date(0), BuilderTime.Date(30));
        Assert.Equal(9_000, store.ReadEventRollup(ws, range, [EventType.SessionStart]).Sum(r => r.Count));
        Assert.Equal(1_000, store.ReadEventRollup(ws, range, [EventType.FormSubmit]).Sum(r => r.Count));
        // x0..x999 cover a0..a299 (i % 300) on days 1..20: every visitor submitted a form.
        Assert.Equal(300, store.CountDistinctActors(ws, [EventType.FormSubmit], range));
        Assert.NotEqual(version, store.DataVersion(ws));
        var reference = DerivedViewBuilder.Build("UTC", store.Read<EventFact>(ws), [], [], []);
        Assert.Equal(reference.CountDistinctActors([EventType.SessionStart], range), store.CountDistinctActors(ws, [EventType.SessionStart], range));
        Assert.Equal(reference.Identities.Count, store.ReadIdentities(ws).Count);
    }

    private static void Commit(SqliteFactStore store, Core.Workspaces.Workspace ws, EventFact[] events)
    {
        using var session = store.BeginWrite(ws);
        var conflicts = new List<int>();
        session.Write<EventFact>(events, conflicts);
        session.Commit();
        Assert.Empty(conflicts);
    }

    public void Dispose() => _dir.Dispose();
}
