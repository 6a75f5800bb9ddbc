using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.ClickHouse.Client;
using Northstar.Testing.Builders;

namespace Northstar.Storage.ClickHouse.Tests;

/// <summary>
/// Schema steps: a database written at version 1 (no <c>actor_firsts</c> table) gets version 2's
/// table filled from the events it already holds when a newer Northstar opens it.
/// </summary>
public sealed class ClickHouseMigrationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Open_DatabaseAtVersion1WithEvents_FillsTheFirstsFromTheEvents(bool cluster)
    {
        using var database = cluster ? TestDatabase.Cluster() : TestDatabase.Single();
        var written = database.Open();
        var ws = written.GetOrCreateWorkspace("acme");
        // a1 views a page (day 2, 10:00; no channel: not a touch), starts a session from paid search
        // (day 2, 11:00), submits a form as contact c1 (day 3, 09:00: the link); c1 opens an email session (day 4).
        EventFact[] events =
        [
            new EventBuilder("e1").PageView().At(day: 2, hour: 10).Anonymous("a1").Build(),
            new EventBuilder("e2").SessionStart().At(day: 2, hour: 11).Anonymous("a1").Utm("google", "cpc").Channel("paid_search").Build(),
            new EventBuilder("e3").FormSubmit().At(day: 3, hour: 9).Anonymous("a1").Contact("c1").Build(),
            new EventBuilder("e4").SessionStart().At(day: 4, hour: 8).Contact("c1").Channel("email").Build(),
        ];
        using (var session = written.BeginWrite(ws))
        {
            session.Write<EventFact>(events, new List<int>());
            session.Commit();
        }

        DowngradeToVersion1(database);
        var opened = database.Open();

        Assert.Equal([new IdentityLink("a1", "c1", BuilderTime.At(3, 9))], opened.ReadIdentities(ws));
        var c1 = Assert.Single(opened.ReadLifecycles(ws));
        Assert.Equal((BuilderTime.At(2, 11), "paid_search"), (c1.FirstTouch?.Timestamp, c1.Channel));
        // One server: a1's touch, form submission and link; c1's touch, form submission, any event.
        // (Over a cluster each shard keeps the firsts of its own events: how many depends on the routing.)
        if (!cluster)
        {
            Assert.Equal(6, LiveFirsts(database.Servers[0], database));
        }
    }

    /// <summary>What a version-1 database held: no firsts table, version 1 recorded.</summary>
    private static void DowngradeToVersion1(TestDatabase database)
    {
        foreach (var server in database.Servers)
        {
            using var client = new ClickHouseClient(server, Name(database));
            client.Execute("DROP TABLE actor_firsts");
            client.Execute("DROP TABLE schema_version");
            client.Execute("CREATE TABLE schema_version (version UInt32) ENGINE = TinyLog");
            client.Execute("INSERT INTO schema_version VALUES (1)");
        }
    }

    private static int LiveFirsts(Uri server, TestDatabase database)
    {
        using var client = new ClickHouseClient(server, Name(database));
        return int.Parse(client.QueryValue("SELECT count() FROM actor_firsts FINAL WHERE deleted = 0") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Name(TestDatabase database) => ClickHouseConnectionString.Parse(database.ConnectionString).Database;
}
