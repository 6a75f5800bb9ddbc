using System.Diagnostics;
using System.Globalization;
using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Heuristics;
using Northstar.Core.Attribution.Markov;

namespace Northstar.Bench;

/// <summary>
/// Attribution as issue 5 states its targets. N random journeys (seeded) over C channels, 1-10
/// touches each a few days apart, channels drawn with skewed popularity (channel i weighs
/// 1 / (i + 1)), each channel lifting the conversion odds by its own amount, value 50-5,000 for
/// a conversion, a lead-creation and an opportunity-creation touch on most journeys. Untimed:
/// generating them and writing their path table to <c>/tmp/northstar-attribution-paths.csv</c>.
/// Timed in this process: every heuristic model and Shapley on the journeys. Timed each in a
/// fresh child process (so its peak working set is that run's own): the heuristics from the
/// path file, Markov order 1 and order 3 from the path file, each from reading the file to the result.
/// After the order-1 run (untimed) its removal effects are checked against a dense Gaussian
/// elimination of the same chain built independently here.
/// Usage: <c>attribution [journeys] [channels]</c> (default 1,000,000 and 20);
/// the child modes: <c>attribution markov ORDER FILE</c>, <c>attribution heuristics FILE</c>.
/// </summary>
internal static class AttributionBench
{
    private const string PathFile = "/tmp/northstar-attribution-paths.csv";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "markov")
        {
            return Markov(int.Parse(args[1], Inv), args[2]);
        }

        if (args.Length > 0 && args[0] == "heuristics")
        {
            return PathHeuristics(args[1]);
        }

        var journeyCount = args.Length > 0 ? int.Parse(args[0], Inv) : 1_000_000;
        var channels = args.Length > 1 ? int.Parse(args[1], Inv) : 20;
        var journeys = Generate(journeyCount, channels, new Random(42));
        Console.WriteLine(string.Format(Inv, "{0:N0} journeys over {1} channels; {2}", journeyCount, channels, WritePathFile(journeys)));
        for (var round = 0; round < 2; round++)
        {
            Timed("heuristics + shapley on journeys", () => JourneyHeuristics(journeys));
        }

        Timed("each heuristic model on its own (8 ByChannel calls)", () =>
            Enum.GetValues<HeuristicModel>().Sum(m => HeuristicAttribution.ByChannel(journeys, m).Count) + " credit rows");
        Timed("journeys into path-table columns (AggregateColumns)", () => PathTable.AggregateColumns(journeys).Count.ToString("N0", Inv) + " rows");

        GC.KeepAlive(journeys);
        foreach (var child in new[] { "heuristics " + PathFile, "markov 1 " + PathFile, "markov 3 " + PathFile, "markov 1 " + PathFile, "markov 3 " + PathFile })
        {
            RunChild(child);
        }

        return 0;
    }

    private static string WritePathFile(List<Journey> journeys)
    {
        var watch = Stopwatch.StartNew();
        var columns = PathTable.AggregateColumns(journeys);
        var toColumns = watch.Elapsed.TotalSeconds;
        var paths = PathTable.Aggregate(journeys);
        var aggregate = watch.Elapsed.TotalSeconds - toColumns;
        using (var writer = new StreamWriter(PathFile))
        {
            PathTable.Write(writer, paths);
        }

        return string.Format(
            Inv, "{0:N0} distinct paths (into columns in {1:F2} s, as a sorted list in {2:F2} s), {3:N0} conversions; path file {4} ({5:N0} MB)",
            columns.Count, toColumns, aggregate, paths.Sum(p => p.Conversions), PathFile, new FileInfo(PathFile).Length / 1e6);
    }

    private static string JourneyHeuristics(List<Journey> journeys)
    {
        var credits = HeuristicAttribution.AllByChannel(journeys);
        return string.Format(Inv, "{0} models, {1} credit rows", credits.ByModel.Count + 1, credits.ByModel.Values.Sum(c => c.Count) + credits.Shapley.Count);
    }

    private static int PathHeuristics(string file) => Timed("heuristics + shapley from the path file", () =>
    {
        var watch = Stopwatch.StartNew();
        var read = PathTable.ReadColumns(file);
        var reading = watch.Elapsed.TotalSeconds;
        var credits = HeuristicAttribution.AllByPaths(read.Paths);
        return string.Format(
            Inv, "read {0:F3} s, models {1:F3} s; {2:N0} paths, {3} models, {4} credit rows", reading, watch.Elapsed.TotalSeconds - reading,
            read.Paths.Count, credits.ByModel.Count + 1, credits.ByModel.Values.Sum(c => c.Count) + credits.Shapley.Count);
    });

    private static int Markov(int order, string file)
    {
        (PathTableColumns Paths, MarkovResult Result)? run = null;
        Timed($"markov order {order} from the path file", () =>
        {
            var watch = Stopwatch.StartNew();
            var read = PathTable.ReadColumns(file);
            var reading = watch.Elapsed.TotalSeconds;
            var result = MarkovAttribution.Compute(read.Paths, new MarkovOptions(order));
            var model = watch.Elapsed.TotalSeconds - reading;
            run = (read.Paths, result);
            var top = result.Credits.OrderByDescending(c => c.Conversions).First();
            return string.Format(
                Inv, "read {0:F3} s, model {1:F3} s; {2:N0} states, P(conversion) {3:F9}, top {4} {5:N1}",
                reading, model, result.StateCount, result.ConversionProbability, top.Channel, top.Conversions);
        });
        if (order == 1 && run is { } done)
        {
            Console.WriteLine(string.Format(Inv, "  order 1 against a dense elimination (not timed): largest difference {0:E1}", DenseOrderOneGap(done.Paths, done.Result)));
        }

        return 0;
    }

    private static int Timed(string what, Func<string> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(true);
        var (gcs, gen2) = (GC.CollectionCount(0), GC.CollectionCount(2));
        var watch = Stopwatch.StartNew();
        var outcome = work();
        watch.Stop();
        process.Refresh();
        Console.WriteLine(string.Format(
            Inv, "{0}: {1:F3} s, {2:F3} CPU s, {3:N0} MB allocated, {6} GCs (gen2 {7}), peak working set {4:N0} MB; {5}",
            what, watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds,
            (GC.GetTotalAllocatedBytes(true) - allocated) / 1e6, process.PeakWorkingSet64 / 1e6, outcome,
            GC.CollectionCount(0) - gcs, GC.CollectionCount(2) - gen2));
        return 0;
    }

    private static void RunChild(string arguments)
    {
        // Under `dotnet Northstar.Bench.dll` the host is dotnet and the dll comes first.
        var host = Environment.ProcessPath!;
        var prefix = Path.GetFileNameWithoutExtension(host) == "dotnet" ? $"\"{typeof(AttributionBench).Assembly.Location}\" " : "";
        var start = new ProcessStartInfo(host, prefix + "attribution " + arguments) { UseShellExecute = false };
        using var child = Process.Start(start)!;
        child.WaitForExit();
    }

    private static List<Journey> Generate(int journeys, int channels, Random random)
    {
        var names = Enumerable.Range(0, channels).Select(i => "channel_" + i.ToString("D2", Inv)).ToArray();
        var (cumulative, lift) = (new double[channels], new double[channels]);
        for (var (i, sum) = (0, 0.0); i < channels; i++)
        {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
            lift[i] = 0.02 + (0.08 * random.NextDouble());
        }

        var origin = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var list = new List<Journey>(journeys);
        for (var j = 0; j < journeys; j++)
        {
            var (n, chance, at) = (random.Next(1, 11), 0.01, origin.AddHours(random.Next(0, 24 * 300)));
            var (lead, opportunity) = (random.Next(0, n + 1), random.Next(0, n + 2));
            var touches = new Touch[n];
            for (var t = 0; t < n; t++)
            {
                var pick = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
                var channel = Math.Min(pick < 0 ? ~pick : pick, channels - 1);
                chance += lift[channel] * (1 - chance);
                at = at.AddHours(random.Next(1, 24 * 10));
                touches[t] = new Touch(at, names[channel]) { LeadCreation = t == lead, OpportunityCreation = t == opportunity && t >= lead };
            }

            var converted = random.NextDouble() < chance;
            list.Add(new Journey("c" + j.ToString(Inv), touches, converted ? at.AddHours(random.Next(0, 48)) : null, converted ? Math.Round(50 + (4950 * random.NextDouble()), 2) : 0));
        }

        return list;
    }

    // An independent check at full size: the order-1 chain (repeats collapsed, nulls included)
    // built here from the columns and solved by Gaussian elimination for every removal.
    private static double DenseOrderOneGap(PathTableColumns paths, MarkovResult result)
    {
        var n = paths.Channels.Count;
        var (counts, start, conversions, nulls) = (new double[n, n], new double[n], new double[n], new double[n]);
        for (var p = 0; p < paths.Count; p++)
        {
            var weight = (double)(paths.Conversions[p] + paths.Nulls[p]);
            var path = paths.Path(p);
            start[path[0]] += weight;
            var last = path[0];
            foreach (var channel in path[1..])
            {
                if (channel != last)
                {
                    counts[last, channel] += weight;
                    last = channel;
                }
            }

            (conversions[last], nulls[last]) = (conversions[last] + paths.Conversions[p], nulls[last] + paths.Nulls[p]);
        }

        var full = DenseSolve(counts, start, conversions, nulls, -1);
        var gap = Math.Abs(full - result.ConversionProbability);
        for (var c = 0; c < n; c++)
        {
            gap = Math.Max(gap, Math.Abs((1 - (DenseSolve(counts, start, conversions, nulls, c) / full)) - result.RemovalEffects[c].Conversion));
        }

        return gap;
    }

    private static double DenseSolve(double[,] counts, double[] start, double[] conversions, double[] nulls, int removed)
    {
        var n = start.Length;
        var a = new double[n, n + 1];
        for (var s = 0; s < n; s++)
        {
            var outgoing = conversions[s] + nulls[s];
            for (var t = 0; t < n; t++)
            {
                outgoing += counts[s, t];
            }

            a[s, s] = 1;
            for (var t = 0; t < n && s != removed && outgoing > 0; t++)
            {
                a[s, t] -= t == removed ? 0 : counts[s, t] / outgoing;
            }

            a[s, n] = s == removed || outgoing == 0 ? 0 : conversions[s] / outgoing;
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(a[r, col]));
            for (var j = 0; j <= n; j++)
            {
                (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            }

            for (var r = 0; r < n; r++)
            {
                var f = r == col ? 0 : a[r, col] / a[col, col];
                for (var j = col; j <= n && f != 0; j++)
                {
                    a[r, j] -= f * a[col, j];
                }
            }
        }

        var (probability, total) = (0.0, start.Sum());
        for (var s = 0; s < n; s++)
        {
            probability += start[s] / total * a[s, n] / a[s, s];
        }

        return probability;
    }
}
