using System.Collections.Concurrent;
using System.Globalization;
using Northstar.Core.Facts;

namespace Northstar.Server.Tests.Tracking;

/// <summary>
/// The real Segment node client sends 10,000 events through a fault-injecting proxy: 500s before
/// and after the server stored a batch, connections closed before and after, and a server restart
/// on the same port and file. Every event must be stored exactly once.
/// </summary>
public sealed class TrackingClientTests
{
    private const int Events = 10_000;
    private const string Key = "wk_node";

    [Fact]
    public async Task AnalyticsNode_TenThousandEventsThroughFaultsAndARestart_AreStoredExactlyOnce()
    {
        await NodeClient.EnsureInstalledAsync();
        using var dir = new TempDirectory();
        var options = new ServerOptions { Store = dir.File("northstar.db"), Port = TrackingServer.FreePort() };
        var server = await RunningServer.StartAsync(options);
        var workspace = server.Store.GetOrCreateWorkspace("acme");
        server.Accounts.CreateWriteKey(workspace, "node", Key);
        await using var proxy = await FaultProxy.StartAsync(server.Address);
        var queued = 0;
        var errors = new ConcurrentQueue<string>();
        string? summary = null;

        try
        {
            using var node = NodeClient.Start(proxy.Address, Key, Events, line =>
            {
                if (line.StartsWith("queued ", StringComparison.Ordinal))
                {
                    Volatile.Write(ref queued, int.Parse(line[7..], CultureInfo.InvariantCulture));
                }
                else
                {
                    summary = line;
                }
            }, errors.Enqueue);

            // The faults, each for a while, as the client gets through its events.
            foreach (var (at, mode) in new[] { (1500, ProxyMode.FailAfterForward), (3000, ProxyMode.DropAfterForward), (4500, ProxyMode.Fail), (6000, ProxyMode.Drop) })
            {
                await Until(() => Volatile.Read(ref queued) >= at);
                proxy.Mode = mode;
                await Task.Delay(700);
                proxy.Mode = ProxyMode.Pass;
            }

            await Until(() => Volatile.Read(ref queued) >= 7500);
            await server.DisposeAsync();
            await Task.Delay(700);
            server = await RunningServer.StartAsync(options);

            Assert.True(await Exits(node), "node did not finish; stderr: " + string.Join("\n", errors));
            Assert.Equal(0, node.ExitCode);
        }
        finally
        {
            await server.DisposeAsync();
        }

        using var reopened = Storage.Sqlite.SqliteFactStore.Open(options.Store!);
        var stored = reopened.Read<EventFact>(reopened.FindWorkspace("acme")!).ToList();
        Assert.Equal($"{{\"queued\":{Events},\"failed\":0}}", summary);
        Assert.Equal(Events, stored.Count);
        Assert.Equal(Enumerable.Range(0, Events).Select(i => "node-" + i).Order(StringComparer.Ordinal), stored.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(Events / 2, stored.Count(e => e.Type == EventType.FormSubmit));
        // Every kind of fault happened, so the retries were really exercised.
        Assert.All(new[] { ProxyMode.Fail, ProxyMode.FailAfterForward, ProxyMode.Drop, ProxyMode.DropAfterForward }, m => Assert.True(proxy.Count(m) > 0, $"no request met {m}"));
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the client stopped making progress");
            await Task.Delay(10);
        }
    }

    private static async Task<bool> Exits(System.Diagnostics.Process node)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await node.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            node.Kill();
            return false;
        }
    }
}
