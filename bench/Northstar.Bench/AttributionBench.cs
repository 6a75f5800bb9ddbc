using System.Diagnostics;
using System.Globalization;
using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Markov;

namespace Northstar.Bench;

/// <summary>
/// Markov attribution over a path table: N random journeys (seeded) over C channels, 1-10
/// touches each, channels drawn with skewed popularity (channel i weighs 1 / (i + 1)), each
/// channel lifting the conversion odds by its own amount, value 50-5,000 for a conversion;
/// aggregated into distinct paths (not timed), then the order-1 and order-3 models timed from
/// the path list to the credits. Prints times, states and peak working set.
/// Usage: <c>attribution [journeys] [channels]</c>, default 1,000,000 and 20.
/// </summary>
internal static class AttributionBench
{
    public static int Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var journeys = args.Length > 0 ? int.Parse(args[0], inv) : 1_000_000;
        var channels = args.Length > 1 ? int.Parse(args[1], inv) : 20;
        var paths = Generate(journeys, channels, new Random(42));
        Console.WriteLine(string.Format(inv, "{0:N0} journeys over {1} channels: {2:N0} distinct paths", journeys, channels, paths.Count));
        GC.Collect();
        Console.WriteLine(string.Format(inv, "path list on the heap: {0:N0} MB", GC.GetTotalMemory(true) / 1e6));
        foreach (var order in new[] { 1, 3, 1, 3 })
        {
            var allocated = GC.GetTotalAllocatedBytes(true);
            var watch = Stopwatch.StartNew();
            var result = MarkovAttribution.Compute(paths, new MarkovOptions(order));
            watch.Stop();
            var top = result.Credits.OrderByDescending(c => c.Conversions).First();
            Console.WriteLine(string.Format(
                inv, "order {0}: {1:N0} ms, {6:N0} MB allocated, {2:N0} states, P(conversion) {3:F6}, top {4} {5:N1}",
                order, watch.Elapsed.TotalMilliseconds, result.StateCount, result.ConversionProbability, top.Channel, top.Conversions, (GC.GetTotalAllocatedBytes(true) - allocated) / 1e6));
        }

        Console.WriteLine(string.Format(inv, "peak working set {0:N0} MB (the generator's path dictionary included)", Process.GetCurrentProcess().PeakWorkingSet64 / 1e6));
        return 0;
    }

    private static List<ChannelPath> Generate(int journeys, int channels, Random random)
    {
        var names = Enumerable.Range(0, channels).Select(i => "channel_" + i.ToString("D2", CultureInfo.InvariantCulture)).ToArray();
        var cumulative = new double[channels];
        var lift = new double[channels];
        for (var (i, sum) = (0, 0.0); i < channels; i++)
        {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
            lift[i] = 0.02 + (0.08 * random.NextDouble());
        }

        // Paths keyed by their channel numbers (5 bits each, up to 32 channels; beyond, a string key).
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        var byCode = new Dictionary<long, int>();
        var rows = new List<(string[] Channels, long Conversions, double Value, long Nulls)>();
        var touches = new int[10];
        for (var j = 0; j < journeys; j++)
        {
            var (n, chance, code) = (random.Next(1, 11), 0.01, 0L);
            for (var t = 0; t < n; t++)
            {
                var pick = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
                touches[t] = Math.Min(pick < 0 ? ~pick : pick, channels - 1);
                chance += lift[touches[t]] * (1 - chance);
                code = (code << 5) | (uint)(touches[t] + 1);
            }

            var found = channels <= 31 ? byCode.TryGetValue(code, out var at) : table.TryGetValue(string.Join(",", touches[..n]), out at);
            if (!found)
            {
                at = rows.Count;
                rows.Add((touches[..n].Select(c => names[c]).ToArray(), 0, 0, 0));
                if (channels <= 31)
                {
                    byCode[code] = at;
                }
                else
                {
                    table[string.Join(",", touches[..n])] = at;
                }
            }

            var row = rows[at];
            rows[at] = random.NextDouble() < chance
                ? (row.Channels, row.Conversions + 1, row.Value + Math.Round(50 + (4950 * random.NextDouble()), 2), row.Nulls)
                : (row.Channels, row.Conversions, row.Value, row.Nulls + 1);
        }

        return [.. rows.Select(r => new ChannelPath(r.Channels, r.Conversions, r.Value, r.Nulls))];
    }
}
