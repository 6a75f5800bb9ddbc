using Northstar.Storage.ClickHouse.Client;

namespace Northstar.Storage.ClickHouse.Tests;

/// <summary>
/// The ClickHouse servers the tests run against, from NORTHSTAR_TEST_CLICKHOUSE (one server) and
/// NORTHSTAR_TEST_CLICKHOUSE_SHARDS (two or more, the cluster 'northstar'), as
/// scripts/clickhouse.sh prints them. Missing variables fail the test with how to start them.
/// </summary>
internal static class ClickHouseTestServer
{
    private const string Howto =
        "Start throwaway servers with `scripts/clickhouse.sh start /tmp/ns-clickhouse 58123 2` and export the two variables it prints " +
        "(NORTHSTAR_TEST_CLICKHOUSE, NORTHSTAR_TEST_CLICKHOUSE_SHARDS); `scripts/clickhouse.sh stop /tmp/ns-clickhouse` removes them.";

    /// <summary>The single server's address.</summary>
    public static Uri Url => new(Environment.GetEnvironmentVariable("NORTHSTAR_TEST_CLICKHOUSE") is { Length: > 0 } url
        ? url
        : throw new InvalidOperationException("NORTHSTAR_TEST_CLICKHOUSE is not set. " + Howto));

    /// <summary>The shards' addresses, in cluster order.</summary>
    public static IReadOnlyList<Uri> Shards => Environment.GetEnvironmentVariable("NORTHSTAR_TEST_CLICKHOUSE_SHARDS") is { Length: > 0 } list
        ? [.. list.Split(',').Select(s => new Uri(s.Trim()))]
        : throw new InvalidOperationException("NORTHSTAR_TEST_CLICKHOUSE_SHARDS is not set. " + Howto);
}

/// <summary>A fresh database (ns_ and a random suffix) on one server or on every shard, dropped at dispose.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly List<ClickHouseFactStore> _stores = [];

    private TestDatabase(IReadOnlyList<Uri> servers, string connectionString)
    {
        Servers = servers;
        ConnectionString = connectionString;
    }

    public IReadOnlyList<Uri> Servers { get; }

    public string ConnectionString { get; }

    public static TestDatabase Single()
    {
        var url = ClickHouseTestServer.Url;
        return new TestDatabase([url], $"Url={url};Database={NewName()}");
    }

    public static TestDatabase Cluster()
    {
        var shards = ClickHouseTestServer.Shards;
        return new TestDatabase(shards, $"Database={NewName()};Cluster=northstar;Shards={string.Join(",", shards)}");
    }

    private static string NewName() => "ns_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Opens a store on the database (disposed with it).</summary>
    public ClickHouseFactStore Open()
    {
        var store = ClickHouseFactStore.Open(ConnectionString);
        _stores.Add(store);
        return store;
    }

    /// <summary>Merges the events of every shard of <paramref name="store"/> (<c>OPTIMIZE ... FINAL</c>): cancelled pairs collapse, as a background merge would leave them.</summary>
    public static void MergeEvents(ClickHouseFactStore store)
    {
        foreach (var shard in store.Shards)
        {
            shard.Execute("OPTIMIZE TABLE events FINAL");
        }
    }

    public void Dispose()
    {
        _stores.ForEach(s => s.Dispose());
        var database = ClickHouseConnectionString.Parse(ConnectionString).Database;
        foreach (var server in Servers)
        {
            using var client = new ClickHouseClient(server);
            client.Execute($"DROP DATABASE IF EXISTS {database}");
        }
    }
}
