using System.Net;
using Northstar.Testing.Servers;

namespace Northstar.Server.Tests.Tracking;

/// <summary>
/// The server over a real PostgreSQL server of the test's own (scripts/postgres.sh on a free port),
/// stopped and started under it: while the database is down the tracking API answers 503 with
/// Retry-After and keeps nothing of the refused request; once it is back the same server answers
/// again without a restart, and every event sent (the refused one sent again) is stored once.
/// </summary>
public sealed class TrackingPostgresTests
{
    [Fact]
    public async Task Batch_PostgresStopsAndStartsAgain_503WhileDownThenRecoversWithoutRestart()
    {
        using var postgres = new ThrowawayPostgres(TrackingServer.FreePort());
        await using var t = await TrackingServer.StartAsync(store: "postgres:" + postgres.ConnectionString);

        using var before = await t.PostAsync("/v1/batch", Calls.Batch(Calls.Track("p1"), Calls.Track("p2")));
        postgres.Stop();
        using var down = await t.PostAsync("/v1/batch", Calls.Batch(Calls.Track("p3")));
        postgres.Start();
        using var resent = await t.PostAsync("/v1/batch", Calls.Batch(Calls.Track("p3"), Calls.Track("p4")));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), down.Headers.RetryAfter?.Delta);
        Assert.Contains("unreachable", await down.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(["p1", "p2", "p3", "p4"], t.Events().Select(e => e.Id).Order(StringComparer.Ordinal));
    }
}
