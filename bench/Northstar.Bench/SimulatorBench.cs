using System.Diagnostics;
using System.Globalization;
using Northstar.Core.Export;
using Northstar.Core.Facts;
using Northstar.Core.Simulation;

namespace Northstar.Bench;

/// <summary>
/// Simulates the demo company into canonical CSV files in a temporary directory, prints events
/// per second, facts per kind, bytes written and the peak working set, then deletes the files.
/// Usage: <c>simulate [contacts] [years]</c>. Over two years about 270 events are written per contact:
/// 37,000 contacts give about 10M events (0.9 GB of CSV), 370,000 about 100M (9.7 GB).
/// </summary>
internal static class SimulatorBench
{
    private const int DefaultContacts = 37_000;

    public static int Run(string[] args)
    {
        var contacts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : DefaultContacts;
        var years = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        var directory = Path.Combine(Path.GetTempPath(), "northstar-simbench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new SimulationOptions { Contacts = contacts, Years = years };
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            SimulationResult result;
            using (var sink = new CsvFactSink(directory))
            {
                result = DemoCompany.Run(options, sink);
            }

            watch.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            Print(result, watch.Elapsed, cpu, directory);
            return 0;
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static void Print(SimulationResult result, TimeSpan elapsed, TimeSpan cpu, string directory)
    {
        var events = result.Counts[FactKind.Events];
        var bytes = new DirectoryInfo(directory).EnumerateFiles().Sum(f => f.Length);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(inv, "contacts asked {0:N0}, written {1:N0}", result.Truth.Options.Contacts, result.Counts[FactKind.Contacts]));
        foreach (var (kind, count) in result.Counts)
        {
            Console.WriteLine(string.Format(inv, "  {0,-14} {1,14:N0}", kind, count));
        }

        Console.WriteLine(string.Format(inv, "facts {0:N0}, events {1:N0}, {2:N0} MB of CSV in {3:N1} s", result.TotalFacts, events, bytes / 1e6, elapsed.TotalSeconds));
        Console.WriteLine(string.Format(inv, "events/s {0:N0} (wall clock), facts/s {1:N0}", events / elapsed.TotalSeconds, result.TotalFacts / elapsed.TotalSeconds));
        // The machine may be shared: events per CPU second shows what one core does undisturbed.
        Console.WriteLine(string.Format(inv, "events per CPU second {0:N0} ({1:N1} s CPU, GC and runtime threads included)", events / cpu.TotalSeconds, cpu.TotalSeconds));
        Console.WriteLine(string.Format(inv, "peak working set {0:N0} MB", Process.GetCurrentProcess().PeakWorkingSet64 / 1e6));
    }
}
