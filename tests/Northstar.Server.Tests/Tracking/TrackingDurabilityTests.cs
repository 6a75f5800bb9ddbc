using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Northstar.Core.Facts;
using Northstar.Storage.Sqlite;

namespace Northstar.Server.Tests.Tracking;

/// <summary>
/// kill -9 right after a 200 loses nothing: <c>northstar serve</c> runs as a child process,
/// four callers send batches, the process is killed (SIGKILL) while requests are in flight, and
/// every event of every acknowledged batch must be in the store once a server ran over it again
/// (an acknowledged batch may still be in the tracking journal only; the next start merges it).
/// </summary>
public sealed class TrackingDurabilityTests
{
    private const string Key = "wk_durable";

    [Fact]
    public async Task Serve_KilledWhileIngesting_KeepsEveryAcknowledgedEvent()
    {
        using var dir = new TempDirectory();
        var db = dir.File("northstar.db");
        using (var store = SqliteFactStore.Open(db))
        {
            store.CreateWriteKey(store.GetOrCreateWorkspace("acme"), "site", Key);
        }

        var port = TrackingServer.FreePort();
        using var serve = StartServe(db, port);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        client.DefaultRequestHeaders.Authorization = TrackingServer.Basic(Key + ":");
        var acknowledged = new ConcurrentBag<string>();
        var next = -1;
        using var stop = new CancellationTokenSource();

        var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var batch = Interlocked.Increment(ref next);
                var ids = Enumerable.Range(0, 100).Select(i => $"b{batch}-{i}").ToList();
                try
                {
                    using var response = await client.PostAsync(new Uri("/v1/batch", UriKind.Relative), Body(ids), stop.Token);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    ids.ForEach(acknowledged.Add);
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    return; // The server is gone: this batch was never acknowledged.
                }
            }
        })).ToList();

        while (acknowledged.Count < 5_000)
        {
            Assert.False(serve.HasExited, "northstar serve exited by itself");
            await Task.Delay(5);
        }

        serve.Kill(); // SIGKILL: no shutdown, no drain, no checkpoint.
        await serve.WaitForExitAsync();
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        // The next start merges what the journal holds beyond the store; stopping waits for it.
        await (await RunningServer.StartAsync(db)).DisposeAsync();
        using var reopened = SqliteFactStore.Open(db);
        var stored = reopened.Read<EventFact>(reopened.FindWorkspace("acme")!).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        Assert.True(acknowledged.Count >= 5_000);
        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.Empty(lost);
    }

    private static Process StartServe(string db, int port)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "northstar.dll"), "serve", "--db", db, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        var process = Process.Start(info)!;
        var started = DateTime.UtcNow;
        while (process.StandardOutput.ReadLine() is { } line && !line.StartsWith("Northstar is serving", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(1), "northstar serve did not start");
        }

        if (process.HasExited)
        {
            Assert.Fail("northstar serve exited: " + process.StandardError.ReadToEnd());
        }

        // Keep draining its output so a full pipe never blocks the server.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static StringContent Body(IEnumerable<string> ids) =>
        new(Calls.Batch([.. ids.Select(id => Calls.Track(id))]), Encoding.UTF8, "application/json");
}
