using System.Diagnostics;
using System.Globalization;
using Northstar.Core.Facts;
using Northstar.Storage.Sqlite;

namespace Northstar.Bench;

/// <summary>
/// Writes N narrow events (id, timestamp, type, anonymous id, session id, channel) through one
/// write session into a fresh SQLite file in batches, the importer's shape. Prints
/// the store's own rate (time inside Write and Commit) and the rate including building the facts.
/// On a shared machine the process CPU time per row is the steadier figure; it is printed too.
/// Usage: <c>store [events] [batch]</c>, defaults 2,000,000 and 50,000 (the importer's batch).
/// </summary>
internal static class StoreBench
{
    private static readonly string[] Channels = ["organic_search", "paid_search", "email", "direct", "paid_social", "referral"];

    public static int Run(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000_000;
        var batchSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
        var dir = Path.Combine(Path.GetTempPath(), "northstar-storebench-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var store = SqliteFactStore.Open(Path.Combine(dir, "bench.db"));
            var workspace = store.GetOrCreateWorkspace("bench");
            var batch = new EventFact[batchSize];
            var conflicts = new List<int>();
            var store_ = new Stopwatch();
            var all = Stopwatch.StartNew();
            var cpu = Environment.CpuUsage.TotalTime;
            var commit = TimeSpan.Zero;
            using (var session = store.BeginWrite(workspace))
            {
                for (var start = 0; start < total; start += batchSize)
                {
                    var n = Math.Min(batchSize, total - start);
                    for (var j = 0; j < n; j++)
                    {
                        batch[j] = Narrow(start + j);
                    }

                    store_.Start();
                    session.Write<EventFact>(batch.AsSpan(0, n), conflicts);
                    store_.Stop();
                }

                store_.Start();
                var committing = Stopwatch.StartNew();
                session.Commit();
                commit = committing.Elapsed;
                store_.Stop();
            }

            all.Stop();
            var cpuPerRow = (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / total;
            var count = store.Summarize(workspace).Kinds[0].Count;
            var size = new FileInfo(store.Path).Length + new FileInfo(store.Path + "-wal").Length;
            Console.WriteLine($"store: {count:N0} events stored, {conflicts.Count} conflicts, file+wal {size / 1e6:N0} MB");
            Console.WriteLine($"store: write path {total / store_.Elapsed.TotalSeconds:N0} rows/s ({store_.Elapsed.TotalSeconds:F2} s, of which commit {commit.TotalSeconds:F2} s)");
            Console.WriteLine($"store: with fact building {total / all.Elapsed.TotalSeconds:N0} rows/s ({all.Elapsed.TotalSeconds:F2} s), {cpuPerRow:F2} us CPU per row");
            return count == total ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static EventFact Narrow(int i) => new()
    {
        Id = "ev-" + i.ToString(CultureInfo.InvariantCulture),
        Timestamp = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i * 3L),
        Type = i % 5 == 0 ? EventType.SessionStart : EventType.PageView,
        AnonymousId = "anon-" + (i / 7).ToString(CultureInfo.InvariantCulture),
        SessionId = "s-" + (i / 5).ToString(CultureInfo.InvariantCulture),
        Channel = Channels[i % Channels.Length],
    };
}
