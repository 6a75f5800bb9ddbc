using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Accounts;
using Northstar.Core.Storage;
using Northstar.Server;

namespace Northstar.Bench;

/// <summary>
/// Tracking ingest over loopback: a real server (<see cref="NorthstarServer"/>) on a temp SQLite
/// file, N events (default 500,000) sent as <c>/v1/batch</c> requests of 100 by C concurrent
/// HttpClient callers (default 8). Every 200 means committed. Prints events/s, request latency
/// p50/p99, CPU and the stored count. The mix: 60% track (mapped and unmapped names), 35% page
/// (a third with UTM tags, so sessions start), 5% identify; 20,000 anonymous visitors. A third
/// argument first fills the store with that many events (written directly, not timed), to see
/// how ingest holds up on a large store.
/// </summary>
internal static class IngestBench
{
    private const int BatchSize = 100;
    private const string Key = "wk_bench";

    public static int Run(string[] args)
    {
        var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500_000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        var prefill = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
        var dir = Directory.CreateTempSubdirectory("northstar-ingest-bench-");
        try
        {
            var db = Path.Combine(dir.FullName, "bench.db");
            Prefill(db, prefill);
            return RunAsync(db, events / BatchSize, concurrency).GetAwaiter().GetResult();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<int> RunAsync(string db, int batches, int concurrency)
    {
        var app = NorthstarServer.Build(new ServerOptions { Store = db, Port = 0 });
        await app.StartAsync();
        try
        {
            var store = app.Services.GetRequiredService<IFactStore>();
            var workspace = store.GetOrCreateWorkspace("bench");
            app.Services.GetRequiredService<IAccountStore>().CreateWriteKey(workspace, "bench", Key);
            using var client = new HttpClient { BaseAddress = NorthstarServer.Address(app) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Key + ":")));

            // Warm up (JIT, connections) on batches that are stored too, then measure the rest.
            await SendAsync(client, 0, Math.Min(20, batches), concurrency, []);
            var latencies = new List<double>(batches);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var failed = await SendAsync(client, Math.Min(20, batches), batches, concurrency, latencies);
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var sent = (batches - Math.Min(20, batches)) * BatchSize;
            latencies.Sort();
            Console.WriteLine($"ingested {sent:N0} events in {seconds:F2} s: {sent / seconds:N0} events/s ({sent / BatchSize / seconds:N0} requests/s of {BatchSize}), {concurrency} callers, {failed} failed requests");
            Console.WriteLine($"request latency p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies.LastOrDefault():F1} ms");
            Console.WriteLine($"cpu {cpuSeconds:F2} s, server and callers in one process ({cpuSeconds / seconds:F2} cores busy); load average {File.ReadAllText("/proc/loadavg").Trim()}");
            Console.WriteLine($"gc gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; pause {GC.GetTotalPauseDuration().TotalSeconds:F2} s");
            var merge = Stopwatch.StartNew();
            await app.Services.GetRequiredService<Server.Tracking.IngestWriter>().FlushAsync();
            Console.WriteLine($"the store had every acknowledged event {merge.Elapsed.TotalSeconds:F2} s after the last 200 (merge lag)");
            var stored = store.Summarize(workspace).Kinds[0].Count;
            Console.WriteLine($"stored {stored:N0} event facts (page calls also make session starts); file {new FileInfo(db).Length / 1e6:F0} MB");
            return failed == 0 ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static void Prefill(string db, int events)
    {
        using var store = Storage.Sqlite.SqliteFactStore.Open(db);
        var workspace = store.GetOrCreateWorkspace("bench");
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < events; start += 200_000)
        {
            var chunk = Enumerable.Range(start, Math.Min(200_000, events - start)).Select(n => new Core.Facts.EventFact
            {
                Id = "pre-" + n,
                Timestamp = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(n % 5_000_000),
                Type = Core.Facts.EventType.PageView,
                AnonymousId = "p-" + (n % 200_000),
                Page = "/p" + (n % 40),
            }).ToArray();
            using var session = store.BeginWrite(workspace);
            session.Write<Core.Facts.EventFact>(chunk, new List<int>());
            session.Commit();
        }

        if (events > 0)
        {
            Console.WriteLine($"prefilled {events:N0} events in {clock.Elapsed.TotalSeconds:F1} s; file {new FileInfo(db).Length / 1e6:F0} MB");
        }
    }

    private static async Task<int> SendAsync(HttpClient client, int from, int until, int concurrency, List<double> latencies)
    {
        var next = from - 1;
        var failed = 0;
        var slice = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var batch && batch < until)
            {
                using var content = new ByteArrayContent(Body(batch));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(new Uri("/v1/batch", UriKind.Relative), content);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(ms);
                    failed += response.IsSuccessStatusCode ? 0 : 1;
                    // The rate of each slice of 100,000 events: does it hold as the store grows?
                    if (latencies.Count % 1000 == 0)
                    {
                        Console.WriteLine($"  {latencies.Count * BatchSize:N0} events: {1000 * BatchSize / slice.Elapsed.TotalSeconds:N0} events/s in the last slice");
                        slice.Restart();
                    }
                }
            }
        });
        await Task.WhenAll(callers);
        return failed;
    }

    private static readonly string[] Names = ["Form Submitted", "CTA Clicked", "Email Opened", "Video Playback Started", "Pizza Ordered"];

    /// <summary>One batch's JSON: 100 calls with unique messageIds, times spread over a day.</summary>
    private static byte[] Body(int batch)
    {
        var json = new StringBuilder(32 * 1024).Append("{\"batch\":[");
        for (var i = 0; i < BatchSize; i++)
        {
            var n = (batch * BatchSize) + i;
            var anon = (n * 7919) % 20_000;
            var time = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(n % 86_400).ToString("O", CultureInfo.InvariantCulture);
            json.Append(i == 0 ? "{" : ",{")
                .Append(CultureInfo.InvariantCulture, $"\"messageId\":\"m-{n}\",\"anonymousId\":\"a-{anon}\",\"timestamp\":\"{time}\",");
            switch (n % 20)
            {
                case < 12:
                    json.Append(CultureInfo.InvariantCulture, $"\"type\":\"track\",\"event\":\"{Names[n % Names.Length]}\",\"properties\":{{\"form_id\":\"f{n % 7}\",\"value\":{n % 50}}}");
                    break;
                case < 19:
                    var utm = n % 3 == 0 ? $"?utm_source=google&utm_medium=cpc&utm_campaign=c{n % 5}" : "";
                    json.Append(CultureInfo.InvariantCulture, $"\"type\":\"page\",\"context\":{{\"page\":{{\"url\":\"https://acme.test/p{n % 40}{utm}\",\"referrer\":\"https://www.google.com/\"}}}},\"properties\":{{\"title\":\"Page {n % 40}\"}}");
                    break;
                default:
                    json.Append(CultureInfo.InvariantCulture, $"\"type\":\"identify\",\"userId\":\"u-{anon}\",\"traits\":{{\"plan\":\"pro\"}}");
                    break;
            }

            json.Append('}');
        }

        return Encoding.UTF8.GetBytes(json.Append("],\"sentAt\":\"2026-03-02T00:00:00Z\"}").ToString());
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
