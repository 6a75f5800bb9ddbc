using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Simulation;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Testing;
using Northstar.Testing.Builders;
using Northstar.Testing.Contracts;

namespace Northstar.Storage.ClickHouse.Tests;

/// <summary>
/// Scale-out: the same facts in a single-node database and in a two-shard cluster
/// (NORTHSTAR_TEST_CLICKHOUSE_SHARDS) give the same answers, and each shard holds only the rows
/// its keys hash to.
/// </summary>
public sealed class ClickHouseClusterTests : IDisposable
{
    private static readonly DateTimeOffset Today = new(2027, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateRange Year = new(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1));

    private readonly TestDatabase _single = TestDatabase.Single();
    private readonly TestDatabase _cluster = TestDatabase.Cluster();

    [Fact]
    public void EveryKpi_DemoCompanyOnTwoShards_EqualsTheSingleNodeAnswer()
    {
        var simulation = new SimulationOptions { Seed = 11, Contacts = 300, Years = 1, Start = new DateOnly(2026, 1, 1) };
        var options = new MetricOptions { Brand = DemoCompany.Brand };
        var single = Load(_single.Open(), simulation);
        var cluster = Load(_cluster.Open(), simulation);
        var singleEngine = new MetricsEngine(single.Store, single.Workspace, options, new ManualClock(Today), []);
        var clusterEngine = new MetricsEngine(cluster.Store, cluster.Workspace, options, new ManualClock(Today), []);

        var differences = new List<string>();
        foreach (var kpi in singleEngine.Kpis)
        {
            differences.AddRange(KpiComparison.Compare(clusterEngine, singleEngine, new MetricQuery(kpi.Id, Year, Grain.Month), "2026 by month"));
        }

        Assert.True(singleEngine.Kpis.Count >= 80, $"only {singleEngine.Kpis.Count} KPIs");
        Assert.True(differences.Count == 0, $"{differences.Count} differences from the single node:\n" + string.Join('\n', differences.Take(40)));
        var events = single.Store.Summarize(single.Workspace).Kinds[(int)FactKind.Events].Count;
        Assert.True(events > 10_000, $"only {events} events");
        Assert.Equal(events, cluster.Store.Summarize(cluster.Workspace).Kinds[(int)FactKind.Events].Count);
    }

    [Fact]
    public void Write_TwoShards_EachEventOnExactlyOneShardAndReimportChangesNothing()
    {
        var store = _cluster.Open();
        var ws = store.GetOrCreateWorkspace("acme");
        var events = Enumerable.Range(1, 200).Select(i => new EventBuilder($"e{i}").At(day: 1 + (i % 20)).Build()).ToArray();
        Write(store, ws, events);
        Write(store, ws, events);

        var perShard = store.Shards.Select(s => long.Parse(s.QueryValue($"SELECT count() FROM events FINAL WHERE ws = {ws.Id}")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(200, perShard.Sum());
        Assert.All(perShard, n => Assert.InRange(n, 60, 140)); // 200 keys hashed over two shards: far from all on one
        Assert.Equal(200, store.Read<EventFact>(ws).Count());
        Assert.Equal(200, store.ReadEventRollup(ws, Year.Intersect(new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1)))).Sum(r => r.Count));
    }

    public void Dispose()
    {
        _single.Dispose();
        _cluster.Dispose();
    }

    private static (IFactStore Store, Workspace Workspace) Load(ClickHouseFactStore store, SimulationOptions simulation)
    {
        var workspace = store.GetOrCreateWorkspace("demo");
        using (var sink = new StoreFactSink(store, workspace))
        {
            DemoCompany.Run(simulation, sink);
        }

        return (store, workspace);
    }

    private static void Write(IFactStore store, Workspace ws, EventFact[] events)
    {
        using var session = store.BeginWrite(ws);
        session.Write<EventFact>(events, new List<int>());
        session.Commit();
    }
}
