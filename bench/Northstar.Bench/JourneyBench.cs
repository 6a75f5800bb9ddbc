using System.Diagnostics;
using System.Globalization;
using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Storage.Sqlite;

namespace Northstar.Bench;

/// <summary>
/// Journey building from the store (issue 5: 1M contacts under 2 s on the 10M-event demo store).
/// Usage: <c>journeys [conversion] [contacts] [plain] [runs]</c>: conversion as the CLI takes it (default
/// <c>won</c>), the demo store of <see cref="MetricsBench"/> for that many contacts (default
/// 37,000, about 10M events; it must have been built by <c>metrics</c>), copied once to its own
/// file so this bench never writes the shared one. <c>plain</c> also times the reference event
/// read (every event decoded, then filtered) the fast store read replaces; a number there (or
/// after <c>plain</c>) is how many builds to time (default 3). The parallel read is timed on its
/// own (the events only counted on each reading thread): the part of a build that inflating and
/// decoding the segments takes.
/// </summary>
internal static class JourneyBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var conversion = args.Length > 0 ? args[0] : "won";
        var contacts = args.Length > 1 ? int.Parse(args[1], Inv) : 37_000;
        if (!ConversionGoal.TryParse(conversion, out var goal, out var error))
        {
            Console.Error.WriteLine(error);
            return 2;
        }

        var source = Path.Combine(Path.GetTempPath(), $"northstar-metricsbench-{contacts}-{SqliteFactStore.SchemaFingerprint}.db");
        if (!File.Exists(source))
        {
            Console.Error.WriteLine($"journeys: {source} is missing: build it with `metrics {contacts}` first");
            return 2;
        }

        using IFactStore store = SqliteFactStore.Open(Copy(source));
        var workspace = store.FindWorkspace("bench") ?? throw new InvalidOperationException("bench workspace missing");
        var events = store.Summarize(workspace).Kinds[0].Count;
        Console.WriteLine($"journeys: store with {events:N0} events, {store.ReadLifecycles(workspace).Count:N0} contacts");
        var options = new JourneyOptions { Conversion = goal };
        if (args.Contains("plain"))
        {
            Timed("plain event read (Read<EventFact>, filtered)", () =>
                $"{ChannelEvent.Select(store.Read<EventFact>(workspace), options.TouchTypes, null, null).LongCount():N0} touch events");
        }

        Timed("channel event read", () => $"{store.ReadChannelEvents(workspace, options.TouchTypes).LongCount():N0} touch events");
        Timed("parallel channel event read (counted per thread)", () => $"{CountedInParallel((IParallelChannelEventRead)store, workspace, options.TouchTypes):N0} touch events");
        var runs = args.Skip(2).Select(a => int.TryParse(a, Inv, out var n) ? n : 0).FirstOrDefault(n => n > 0, 3);
        for (var run = 1; run <= runs; run++)
        {
            Timed($"build journeys ({goal}), run {run}", () => Describe(JourneyBuilder.Build(store, workspace, options)));
        }

        return 0;
    }

    private static long CountedInParallel(IParallelChannelEventRead store, Workspace workspace, IReadOnlySet<EventType> types)
    {
        var counters = new List<Counter>();
        store.ReadChannelEvents(workspace, types, null, null, () =>
        {
            var counter = new Counter();
            lock (counters)
            {
                counters.Add(counter);
            }

            return counter;
        });
        return counters.Sum(c => c.Count);
    }

    private static string Describe(JourneySet set)
    {
        var actors = 0;
        var (converting, touches) = (0L, 0L);
        string? previous = null;
        foreach (var journey in set.Journeys)
        {
            actors += journey.ContactId == previous ? 0 : 1;
            previous = journey.ContactId;
            converting += journey.Converted ? 1 : 0;
            touches += journey.Touches.Count;
        }

        return string.Format(
            Inv, "{0:N0} actors, {1:N0} journeys ({2:N0} converting), {3:N0} touches, {4:N0} untouched conversions",
            actors, set.Journeys.Count, converting, touches, set.UntouchedConversions);
    }

    /// <summary>A private copy of the shared demo store (kept while the source is unchanged), so opening it writes nothing shared.</summary>
    private static string Copy(string source)
    {
        var copy = Path.Combine(Path.GetTempPath(), "northstar-journeybench-" + Path.GetFileName(source));
        var info = new FileInfo(source);
        if (!File.Exists(copy) || File.GetLastWriteTimeUtc(copy) < info.LastWriteTimeUtc)
        {
            foreach (var stale in new[] { copy, copy + "-wal", copy + "-shm" }.Where(File.Exists))
            {
                File.Delete(stale);
            }

            File.Copy(source, copy);
        }

        return copy;
    }

    private static void Timed(string what, Func<string> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(true);
        var (paused, gen2) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
        var watch = Stopwatch.StartNew();
        var outcome = work();
        watch.Stop();
        process.Refresh();
        Console.WriteLine(string.Format(
            Inv, "{0}: {1:F3} s, {2:F3} CPU s, {3:N0} MB allocated, GC paused {4:F3} s ({5} gen2), peak working set {6:N0} MB; {7}",
            what, watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds,
            (GC.GetTotalAllocatedBytes(true) - allocated) / 1e6, (GC.GetTotalPauseDuration() - paused).TotalSeconds,
            GC.CollectionCount(2) - gen2, process.PeakWorkingSet64 / 1e6, outcome));
    }

    private sealed class Counter : IChannelEventReceiver
    {
        public long Count { get; private set; }

        public void Add(in Utf8ChannelEvent channelEvent) => Count++;
    }
}
