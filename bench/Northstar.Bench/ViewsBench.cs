using System.Diagnostics;
using System.Globalization;
using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.Sqlite.Events;
using Northstar.Storage.Sqlite.Views;

namespace Northstar.Bench;

/// <summary>
/// The derived views' per-event work alone, without SQLite: N events shaped as the import
/// bench's (7 types, 6 sources, 300 pages, 200,000 visitors, 7 s apart; value strings pooled,
/// anonymous ids not, as the CSV reader does), in batches of 100,000 in shuffled order (the
/// writer's key-hash order), through the events writer's observer calls: prepare (encoding
/// thread, right after encoding the event as the writer does), then the fold. The merges into
/// the tables are not included. Prints CPU µs an event; with <c>encode</c> the encoding alone
/// (the difference is the views' share). Usage: <c>views [events] [encode]</c>, default 10,000,000.
/// </summary>
internal static class ViewsBench
{
    private const int Batch = 100_000;
    private const int Chunk = 4096;
    private static readonly EventType[] Types = [EventType.PageView, EventType.PageView, EventType.PageView, EventType.SessionStart, EventType.CtaView, EventType.CtaClick, EventType.FormSubmit];
    private static readonly (string Source, string Medium, string Channel)[] Sources =
        [("google", "organic", "organic_search"), ("google", "cpc", "paid_search"), ("linkedin", "paid_social", "paid_social"), ("newsletter", "email", "email"), ("", "", "direct"), ("bing", "organic", "organic_search")];

    public static int Run(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000_000;
        var views = args.Length < 2 || args[1] != "encode";
        var rows = new RowBytes();
        var pages = Enumerable.Range(0, 300).Select(p => "/page/" + p.ToString(CultureInfo.InvariantCulture)).ToArray();
        var delta = new ViewDelta(new LocalDays("UTC"));
        var flushes = 0;
        var collector = new EventViewCollector(delta, d => { flushes++; d.ClearCounts(); });
        var (random, order) = (new Random(42), Enumerable.Range(0, Batch).ToArray());
        var batch = new EventFact[Batch];
        var (cpu, wall) = (TimeSpan.Zero, new Stopwatch());
        for (var start = 0; start < total; start += Batch)
        {
            var n = Math.Min(Batch, total - start);
            for (var j = 0; j < n; j++)
            {
                batch[j] = Event(start + j, random, pages);
            }

            random.Shuffle(order.AsSpan(0, n));
            var before = Environment.CpuUsage.TotalTime;
            wall.Start();
            for (var (c, buffer) = (0, 0); c < n; c += Chunk, buffer = 1 - buffer)
            {
                rows.Clear();
                collector.Encoding(buffer);
                for (var r = 0; r < Math.Min(Chunk, n - c); r++)
                {
                    var fact = batch[order[c + r]];
                    EventRowCodec.Encode(fact, rows);
                    rows.EndRow();
                    if (views)
                    {
                        collector.Encoded(buffer, r, fact);
                        collector.Inserted(buffer, r);
                    }
                }

                collector.Written(buffer);
            }

            collector.Finished();
            wall.Stop();
            cpu += Environment.CpuUsage.TotalTime - before;
        }

        Console.WriteLine($"{(views ? "views" : "encode only")}: {total:N0} events, {cpu.TotalMicroseconds / total:F3} us CPU an event ({wall.Elapsed.TotalMicroseconds / total:F3} us wall), {flushes} count flushes, {delta.Firsts.Count():N0} first candidates");
        Console.WriteLine($"gc collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        return 0;
    }

    private static EventFact Event(int i, Random random, string[] pages)
    {
        var (source, medium, channel) = Sources[random.Next(Sources.Length)];
        var visitor = random.Next(200_000).ToString(CultureInfo.InvariantCulture);
        return new EventFact
        {
            Id = "ev" + i.ToString(CultureInfo.InvariantCulture),
            Timestamp = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i * 7L),
            Type = Types[i % Types.Length],
            AnonymousId = "a" + visitor,
            SessionId = "s" + visitor,
            Source = source.Length == 0 ? null : source,
            Medium = medium.Length == 0 ? null : medium,
            Channel = channel,
            Page = pages[i % pages.Length],
        };
    }
}
