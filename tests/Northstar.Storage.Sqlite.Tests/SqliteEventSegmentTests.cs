using Microsoft.Data.Sqlite;
using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Storage.Sqlite.Events;
using Northstar.Testing.Builders;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>Events stored in segments: old versions left behind by updates, segment boundaries within a session.</summary>
public sealed class SqliteEventSegmentTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Db => _dir.File("northstar.db");

    [Fact]
    public void Write_EventMovedInALaterSession_SummaryCountsOnlyTheNewVersionAndItsTime()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        var e1 = new EventBuilder("e1").At(day: 2).Build();
        Write(store, ws, [e1, new EventBuilder("e2").At(day: 9).Build()]);
        var moved = new EventBuilder("e2").At(day: 5).Build();

        var conflicts = Write(store, ws, [moved]);

        Assert.Empty(conflicts);
        // Day 9 is only in the dead slot: the range is day 2 .. day 5, two events.
        Assert.Equal(new FactKindSummary(FactKind.Events, 2, BuilderTime.At(2), BuilderTime.At(5)), Summary(store, ws));
        Assert.Equal([e1, moved], ById(store.Read<EventFact>(ws)));
    }

    [Fact]
    public void Write_EveryEventOfASegmentChanged_DeletesTheOldSegment()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        Write(store, ws, [new EventBuilder("e1").Channel("email").Build(), new EventBuilder("e2").Channel("email").Build()]);
        EventFact[] changed = [new EventBuilder("e1").Channel("direct").Build(), new EventBuilder("e2").Channel("direct").Build()];

        Write(store, ws, changed);

        Assert.Equal(changed, ById(store.Read<EventFact>(ws)));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM event_segments"));
        Assert.Equal(2, Summary(store, ws).Count);
    }

    [Fact]
    public void Write_SameEventsAgain_WritesNoNewSegment()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        EventFact[] events = [new EventBuilder("e1").Build(), new EventBuilder("e2").At(day: 4).Build()];
        Write(store, ws, events);

        var conflicts = Write(store, ws, [events[1], events[0]]);

        Assert.Empty(conflicts);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM event_segments"));
        Assert.Equal(events, ById(store.Read<EventFact>(ws)));
    }

    [Fact]
    public void Write_RepeatsOfEventsInEarlierSegmentsOfTheSession_ReportOnlyTheChangedOne()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        // Three segments' worth: by the second call the first segment is stored, the second being compressed.
        var total = (2 * EventSegment.Rows) + 10;
        var events = Enumerable.Range(0, total).Select(i => new EventBuilder($"e{i}").At(BuilderTime.Start.AddSeconds(i)).Build()).ToArray();
        var conflicts = new List<int>();

        using (var session = store.BeginWrite(ws))
        {
            session.Write<EventFact>(events, conflicts);
            session.Write<EventFact>([events[3], new EventBuilder("e5").At(day: 30).Build(), events[total - 1], events[EventSegment.Rows + 1]], conflicts);
            session.Commit();
        }

        Assert.Equal([1], conflicts);
        var stored = store.Read<EventFact>(ws).ToList();
        Assert.Equal(total, stored.Count);
        Assert.Equal(ById(events), ById(stored));
        Assert.Equal(new FactKindSummary(FactKind.Events, total, BuilderTime.Start, BuilderTime.Start.AddSeconds(total - 1)), Summary(store, ws));
    }

    [Fact]
    public void Write_ChangeToEventOfAnOlderSegmentAmongMany_ReplacesItOnce()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        var total = EventSegment.Rows + 5;
        var events = Enumerable.Range(0, total).Select(i => new EventBuilder($"e{i}").At(BuilderTime.Start.AddSeconds(i)).Build()).ToList();
        Write(store, ws, [.. events]);
        var changed = new EventBuilder("e7").At(BuilderTime.Start.AddSeconds(7)).Channel("email").Build();

        var conflicts = Write(store, ws, [changed, events[8], changed]);

        Assert.Empty(conflicts);
        events[7] = changed;
        Assert.Equal(ById(events), ById(store.Read<EventFact>(ws)));
        Assert.Equal(total, Summary(store, ws).Count);
    }

    public void Dispose() => _dir.Dispose();

    private static List<int> Write(SqliteFactStore store, Core.Workspaces.Workspace ws, EventFact[] events)
    {
        var conflicts = new List<int>();
        using var session = store.BeginWrite(ws);
        session.Write<EventFact>(events, conflicts);
        session.Commit();
        return conflicts;
    }

    private static FactKindSummary Summary(SqliteFactStore store, Core.Workspaces.Workspace ws) =>
        store.Summarize(ws).Kinds.Single(k => k.Kind == FactKind.Events);

    private static List<EventFact> ById(IEnumerable<EventFact> events) => [.. events.OrderBy(e => e.Id, StringComparer.Ordinal)];

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
