using System.Diagnostics;
using System.Globalization;
using Northstar.Core.Import;
using Northstar.Storage.Sqlite;

namespace Northstar.Bench;

/// <summary>
/// End-to-end import speed: N narrow canonical event rows (default 2,000,000; the first
/// argument overrides) written to a temp CSV, imported into a fresh temp SQLite file through
/// <see cref="CsvImporter"/> (parse, validate, derive, dedup, store, commit). Prints rows/s.
/// <c>import N noviews</c> skips folding the events into the derived views, to measure their cost.
/// </summary>
internal static class ImportBench
{
    public static int Run(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000_000;
        var dir = Directory.CreateTempSubdirectory("northstar-import-bench-");
        try
        {
            var csv = Path.Combine(dir.FullName, "events.csv");
            var generated = Stopwatch.StartNew();
            NarrowEvents.Write(csv, rows);
            Console.WriteLine($"generated {rows:N0} rows ({new FileInfo(csv).Length / 1e6:F1} MB) in {generated.Elapsed.TotalSeconds:F1} s");
            // "noviews": the same build without folding events into the derived views (the file's
            // views are then wrong): what keeping them costs, measured against itself.
            var noViews = args.Contains("noviews");
            SqliteWriteSession.SkipEventViewsForBench = noViews;
            if (noViews)
            {
                Console.WriteLine("events not folded into the derived views (noviews): the views' cost is the difference to a run without it");
            }

            var batch = args.Skip(1).FirstOrDefault(a => a != "noviews");
            var options = batch is not null ? ImportOptions.Default with { BatchSize = int.Parse(batch, CultureInfo.InvariantCulture) } : ImportOptions.Default;
            using var gcTrace = GcTrace.StartIfAsked();
            var code = Import(csv, Path.Combine(dir.FullName, "bench.db"), rows, options);
            gcTrace?.Report();
            return code;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static int Import(string csv, string db, int rows, ImportOptions options)
    {
        using var store = SqliteFactStore.Open(db);
        var workspace = store.GetOrCreateWorkspace("bench");
        var importer = new CsvImporter(store);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        using var memory = new MemoryPeak();
        var clock = Stopwatch.StartNew();
        var result = importer.Import(workspace, ImportFormat.Events, csv, options);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"imported {result.RowsStored:N0} of {result.RowsRead:N0} rows in {seconds:F2} s: {result.RowsStored / seconds:N0} rows/s end to end (committed: {result.Committed}, errors: {result.ErrorCount})");
        // On a shared machine the wall time says little; the CPU time says what the import costs.
        Console.WriteLine($"cpu {cpuSeconds:F2} s for both threads ({cpuSeconds / seconds:F2} cores busy on average); load average {Load.Average()}");
        Console.WriteLine($"gc collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; pause {GC.GetTotalPauseDuration().TotalSeconds:F2} s");
        Console.WriteLine(memory.Report());
        Console.WriteLine($"file {new FileInfo(db).Length / 1e6:F0} MB ({result.RowsStored switch { 0 => 0, var n => new FileInfo(db).Length / (double)n }:F0} bytes an event), wal {WalBytes(db) / 1e6:F0} MB");
        foreach (var error in result.Errors.Take(5))
        {
            Console.WriteLine(error);
        }

        return result.Succeeded && result.RowsStored == rows ? 0 : 1;
    }

    private static long WalBytes(string db) => File.Exists(db + "-wal") ? new FileInfo(db + "-wal").Length : 0;
}
