using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Testing.Builders;

namespace Northstar.Storage.ClickHouse.Tests;

/// <summary>
/// A commit's moves (<see cref="Facts.Moves"/>) over a key replaced back and forth, its day moving
/// between months, with the stored rows merged (<c>OPTIMIZE ... FINAL</c>) or not in between: the
/// moves find live rows by their signs, without FINAL, so the collapsing table's state between
/// merges must not change the answer. e1 goes page view on day 1 (January), then on day 40
/// (February), back to day 1, the same again, then day 40; e2 stays a page view on day 2.
/// After every commit: two live events, two page views in the rollup, on e1's day and day 2.
/// </summary>
public sealed class ClickHouseMoveSequenceTests : IDisposable
{
    private static readonly DateRange Year = new(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1));

    private readonly List<TestDatabase> _databases = [];

    [Theory]
    [InlineData(false, false, 1_000_000)]
    [InlineData(false, true, 1_000_000)]
    [InlineData(false, false, 1)]
    [InlineData(false, true, 1)]
    [InlineData(true, false, 1)]
    [InlineData(true, true, 1_000_000)]
    public void Commit_KeyReplacedBackAndForth_OneLiveRowEachTime(bool cluster, bool mergeBetween, int bucketRows)
    {
        var (store, ws) = Open(cluster, bucketRows);
        var e2 = new EventBuilder("e2").PageView().At(day: 2).Anonymous("a2").Build();

        foreach (var day in new[] { 1, 40, 1, 1, 40, 40, 1 })
        {
            var e1 = new EventBuilder("e1").PageView().At(day: day).Anonymous("a1").Build();
            using (var session = store.BeginWrite(ws))
            {
                session.Write<EventFact>([e1, e2], new List<int>());
                session.Commit();
            }

            if (mergeBetween)
            {
                TestDatabase.MergeEvents(store);
            }

            var events = store.Read<EventFact>(ws).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
            Assert.Equal([e1, e2], events);
            var rollup = store.ReadEventRollup(ws, Year).OrderBy(r => r.Day).Select(r => (r.Day, r.Count)).ToList();
            var expected = new[] { (BuilderTime.Date(day), 1L), (BuilderTime.Date(2), 1L) }.OrderBy(r => r.Item1).ToList();
            Assert.Equal(expected, rollup);
            Assert.Equal(2, Signs(store, ws));
        }
    }

    /// <summary>
    /// Clearing after the same sequence cancels exactly the live rows (found by keys and signs, a
    /// month and a key bucket at a time, with or without merges): no event, no rollup row and
    /// signs summing to zero; the same events written again count once.
    /// </summary>
    [Theory]
    [InlineData(false, false, 1_000_000)]
    [InlineData(false, true, 1)]
    [InlineData(true, false, 1)]
    [InlineData(true, true, 1_000_000)]
    public void ClearFacts_AfterReplacements_CancelsEachLiveRowOnce(bool cluster, bool mergeBefore, int bucketRows)
    {
        var (store, ws) = Open(cluster, bucketRows);
        var e2 = new EventBuilder("e2").PageView().At(day: 2).Anonymous("a2").Build();
        EventFact e1 = null!;
        foreach (var day in new[] { 1, 40, 1, 40 })
        {
            e1 = new EventBuilder("e1").PageView().At(day: day).Anonymous("a1").Build();
            using var session = store.BeginWrite(ws);
            session.Write<EventFact>([e1, e2], new List<int>());
            session.Commit();
        }

        if (mergeBefore)
        {
            TestDatabase.MergeEvents(store);
        }

        store.ClearFacts(ws);

        Assert.Empty(store.Read<EventFact>(ws));
        Assert.Empty(store.ReadEventRollup(ws, Year));
        Assert.Equal(0, Signs(store, ws));

        // Written again: e1 on day 40 and e2, once each.
        using (var session = store.BeginWrite(ws))
        {
            session.Write<EventFact>([e1, e2], new List<int>());
            session.Commit();
        }

        Assert.Equal([e1, e2], store.Read<EventFact>(ws).OrderBy(e => e.Id, StringComparer.Ordinal).ToList());
        Assert.Equal([(BuilderTime.Date(2), 1L), (BuilderTime.Date(40), 1L)], store.ReadEventRollup(ws, Year).OrderBy(r => r.Day).Select(r => (r.Day, r.Count)).ToList());
        Assert.Equal(2, Signs(store, ws));
    }

    /// <summary>A new database (one server or two shards) whose moves go in buckets of <paramref name="bucketRows"/>, with workspace "acme".</summary>
    private (ClickHouseFactStore Store, Core.Workspaces.Workspace Ws) Open(bool cluster, int bucketRows)
    {
        var database = cluster ? TestDatabase.Cluster() : TestDatabase.Single();
        _databases.Add(database);
        var store = database.Open();
        store.MoveBucketRows = bucketRows;
        return (store, store.GetOrCreateWorkspace("acme"));
    }

    private static long Signs(ClickHouseFactStore store, Core.Workspaces.Workspace ws) =>
        store.Shards.Sum(s => long.Parse(s.QueryValue($"SELECT sum(sign) FROM events WHERE ws = {ws.Id}") ?? "0", System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => _databases.ForEach(d => d.Dispose());
}
