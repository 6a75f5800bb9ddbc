using Microsoft.Data.Sqlite;
using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Storage.Sqlite.Schema;
using Northstar.Testing.Builders;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>The event write path: hashed keys, collisions, precision, volume.</summary>
public sealed class SqliteEventWriteTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Db => _dir.File("northstar.db");

    [Fact]
    public void Write_DifferentIdsWithSameHash_KeepsEveryEventUnderNextFreeKeys()
    {
        using var store = SqliteFactStore.Open(Db, SchemaMigrations.Steps, (_, _) => 42);
        var ws = store.GetOrCreateWorkspace("acme");
        EventFact[] events = [new EventBuilder("e1").Channel("email").Build(), new EventBuilder("e2").Build(), new EventBuilder("e3").At(day: 3).Build()];

        var conflicts = Write(store, ws, events);

        Assert.Empty(conflicts);
        Assert.Equal(events, ById(store.Read<EventFact>(ws)));
        Assert.Equal([(42L, "e1"), (43L, "e2"), (44L, "e3")], StoredKeys());
    }

    [Fact]
    public void Write_CollidingEventsAgain_ChangesNothing()
    {
        using var store = SqliteFactStore.Open(Db, SchemaMigrations.Steps, (_, _) => 7);
        var ws = store.GetOrCreateWorkspace("acme");
        EventFact[] events = [new EventBuilder("e1").Build(), new EventBuilder("e2").Build()];
        Write(store, ws, events);

        var conflicts = Write(store, ws, [events[1], events[0]]);

        Assert.Empty(conflicts);
        Assert.Equal([(7L, "e1"), (8L, "e2")], StoredKeys());
    }

    [Fact]
    public void Write_ChangedEventBehindACollision_ReplacesOnlyThatEvent()
    {
        using var store = SqliteFactStore.Open(Db, SchemaMigrations.Steps, (_, _) => 7);
        var ws = store.GetOrCreateWorkspace("acme");
        var e1 = new EventBuilder("e1").Channel("email").Build();
        Write(store, ws, [e1, new EventBuilder("e2").Channel("email").Build()]);
        var changed = new EventBuilder("e2").Channel("direct").Build();

        Write(store, ws, [changed]);

        Assert.Equal([e1, changed], ById(store.Read<EventFact>(ws)));
    }

    [Fact]
    public void Write_ConflictBehindACollisionInOneSession_IsReported()
    {
        using var store = SqliteFactStore.Open(Db, SchemaMigrations.Steps, (_, _) => 7);
        var ws = store.GetOrCreateWorkspace("acme");
        var e1 = new EventBuilder("e1").Build();
        var e2 = new EventBuilder("e2").Channel("email").Build();

        var conflicts = Write(store, ws, [e1, e2, new EventBuilder("e2").Channel("direct").Build(), e2]);

        Assert.Equal([2], conflicts);
        Assert.Equal([e1, e2], ById(store.Read<EventFact>(ws)));
    }

    [Fact]
    public void Write_SameEventIdInTwoWorkspacesWithSameHash_KeepsBoth()
    {
        using var store = SqliteFactStore.Open(Db, SchemaMigrations.Steps, (_, _) => 7);
        var a = store.GetOrCreateWorkspace("a");
        var b = store.GetOrCreateWorkspace("b");
        var inA = new EventBuilder("e1").Channel("email").Build();
        var inB = new EventBuilder("e1").Channel("direct").Build();

        Write(store, a, [inA]);
        Write(store, b, [inB]);

        Assert.Equal([inA], store.Read<EventFact>(a));
        Assert.Equal([inB], store.Read<EventFact>(b));
    }

    [Fact]
    public void Write_SubMicrosecondTimeAndTrailingZerosTwiceInOneSession_IsNotAConflictAndStoresMicroseconds()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        var at = BuilderTime.At(day: 2).AddTicks(1_234_567);
        var first = new EventBuilder("e1").At(at).Value(1.5m).Build();
        var again = new EventBuilder("e1").At(at).Value(1.50m).Build();

        var conflicts = Write(store, ws, [first, again]);

        Assert.Empty(conflicts);
        // 1,234,567 ticks of 100 ns = 123,456.7 us: the 0.7 us is dropped.
        Assert.Equal(BuilderTime.At(day: 2).AddTicks(1_234_560), Assert.Single(store.Read<EventFact>(ws)).Timestamp);
    }

    [Fact]
    public void Write_200kEventsInBatches_AreAllStoredAndSummarized()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        const int total = 200_000;
        var conflicts = new List<int>();

        using (var session = store.BeginWrite(ws))
        {
            for (var start = 0; start < total; start += 50_000)
            {
                var batch = Enumerable.Range(start, 50_000)
                    .Select(i => new EventBuilder($"e{i}").At(BuilderTime.Start.AddSeconds(i)).Channel("email").Build()).ToArray();
                session.Write<EventFact>(batch, conflicts);
            }

            session.Commit();
        }

        Assert.Empty(conflicts);
        var events = store.Summarize(ws).Kinds.Single(k => k.Kind == FactKind.Events);
        Assert.Equal(new FactKindSummary(FactKind.Events, total, BuilderTime.Start, BuilderTime.Start.AddSeconds(total - 1)), events);
        Assert.Equal(total, store.Read<EventFact>(ws).Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Write_InThisProcess_UsesTheDirectNativeCalls()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");

        Write(store, ws, [new EventBuilder("e1").Build()]);

        // The fast path is what the round-trip tests exercise; if it silently fell back, they would not cover it.
        Assert.True(Sql.FastNative.Available);
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

    private static List<EventFact> ById(IEnumerable<EventFact> events) => [.. events.OrderBy(e => e.Id, StringComparer.Ordinal)];

    private List<(long Key, string Id)> StoredKeys()
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key_hash, id FROM events ORDER BY key_hash";
        using var reader = command.ExecuteReader();
        var keys = new List<(long, string)>();
        while (reader.Read())
        {
            keys.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return keys;
    }
}
