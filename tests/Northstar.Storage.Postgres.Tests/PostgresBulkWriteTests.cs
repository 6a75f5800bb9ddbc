using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Testing.Builders;

namespace Northstar.Storage.Postgres.Tests;

/// <summary>
/// The COPY path at volume: 150,000 events in two batches of one session. Event i is a session
/// start when i is even, else a page view, on day 1 + (i / 2) % 30, by anonymous "a{i % 1000}".
/// So each of the 30 days has 5,000 events (2,500 sessions), and the session starts come from the
/// 500 even actors.
/// </summary>
public sealed class PostgresBulkWriteTests : IDisposable
{
    private const int Count = 150_000;
    private static readonly DateRange AllDays = new(BuilderTime.Date(1), BuilderTime.Date(31));
    private readonly TestDatabase _database = new();
    private readonly PostgresFactStore _store;

    public PostgresBulkWriteTests() => _store = _database.OpenStore();

    [Fact]
    public void Write_150kEventsInTwoBatches_StoredAndRolledUp()
    {
        var ws = _store.GetOrCreateWorkspace("bulk");
        var events = Events(Count);
        var conflicts = new List<int>();

        using (var session = _store.BeginWrite(ws))
        {
            session.Write<EventFact>(events.AsSpan(0, 100_000), conflicts);
            session.Write<EventFact>(events.AsSpan(100_000), conflicts);
            session.Commit();
        }

        Assert.Empty(conflicts);
        Assert.Equal(Count, _store.Summarize(ws).Kinds[0].Count);
        var sessions = _store.ReadEventRollup(ws, AllDays, [EventType.SessionStart]);
        Assert.Equal(75_000, sessions.Sum(r => r.Count));
        Assert.All(sessions.GroupBy(r => r.Day), day => Assert.Equal(2_500, day.Sum(r => r.Count)));
        Assert.Equal(30, sessions.Select(r => r.Day).Distinct().Count());
        Assert.Equal(500, _store.CountDistinctActors(ws, [EventType.SessionStart], AllDays));
        Assert.Equal(Count, _store.Read<EventFact>(ws).Count());
    }

    [Fact]
    public void Write_SameEventsAgainWithSomeRepeatedChanged_ConflictsInAscendingOrderAndNothingCountedTwice()
    {
        var ws = _store.GetOrCreateWorkspace("bulk");
        var events = Events(Count);
        Write(ws, events);
        // A second session: everything again, plus the first 1,000 events changed (page views on day 30) after them.
        var again = events.Concat(events.Take(1_000).Select(e => e with { Type = EventType.PageView, Timestamp = BuilderTime.At(30) })).ToArray();

        var conflicts = Write(ws, again);

        Assert.Equal(Enumerable.Range(Count, 1_000), conflicts);
        Assert.Equal(Count, _store.Summarize(ws).Kinds[0].Count);
        Assert.Equal(75_000, _store.ReadEventRollup(ws, AllDays, [EventType.SessionStart]).Sum(r => r.Count));
    }

    [Fact]
    public void Write_TenThousandReplacedByChangedVersions_MovesTheirContributions()
    {
        var ws = _store.GetOrCreateWorkspace("bulk");
        var events = Events(Count);
        Write(ws, events);
        // The first 10,000 events (5,000 of them session starts) become page views.
        var changed = events.Take(10_000).Select(e => e with { Type = EventType.PageView }).ToArray();

        Write(ws, changed);

        Assert.Equal(Count, _store.Summarize(ws).Kinds[0].Count);
        Assert.Equal(70_000, _store.ReadEventRollup(ws, AllDays, [EventType.SessionStart]).Sum(r => r.Count));
        Assert.Equal(80_000, _store.ReadEventRollup(ws, AllDays, [EventType.PageView]).Sum(r => r.Count));
        // Sessions left: ids 10,000 and up, even: still every even actor (i % 1000 covers all 500).
        Assert.Equal(500, _store.CountDistinctActors(ws, [EventType.SessionStart], AllDays));
    }

    public void Dispose()
    {
        _store.Dispose();
        _database.Dispose();
    }

    private List<int> Write(Core.Workspaces.Workspace ws, EventFact[] events)
    {
        var conflicts = new List<int>();
        using var session = _store.BeginWrite(ws);
        session.Write<EventFact>(events, conflicts);
        session.Commit();
        return conflicts;
    }

    private static EventFact[] Events(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new EventBuilder($"ev{i}")
            .Type(i % 2 == 0 ? EventType.SessionStart : EventType.PageView)
            .At(BuilderTime.At(1 + (i / 2 % 30), hour: i % 24))
            .Anonymous($"a{i % 1000}")
            .Build())];
}
