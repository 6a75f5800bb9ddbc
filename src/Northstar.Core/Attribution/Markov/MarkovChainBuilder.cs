namespace Northstar.Core.Attribution.Markov;

/// <summary>
/// Builds the chain as ChannelAttribution does: a path of n channels (n at least the order k)
/// walks start → its n - k + 1 sliding windows → conversion or null; a shorter path is one
/// state. Every move is weighted by the path's journeys (conversions plus nulls, or the
/// conversions alone without non-converting paths).
/// </summary>
internal static class MarkovChainBuilder
{
    private const long MaxCells = 1 << 25;

    public static MarkovChain Build(EncodedPaths paths, MarkovOptions options)
    {
        var (c, k) = (paths.Channels.Length, options.Order);
        var b = (long)c + 1;
        var keySpace = KeySpace(b, k);
        var index = new StateIndex(keySpace);
        var top = keySpace / b;
        var keys = new long[paths.LongestPath];
        var conversions = paths.Conversions;
        var nulls = paths.Nulls;
        for (var p = 0; p < paths.Count; p++)
        {
            if (conversions[p] + (options.IncludeNulls ? nulls[p] : 0.0) > 0)
            {
                var n = Windows(paths.Path(p), k, b, top, keys);
                for (var w = 0; w < n; w++)
                {
                    index.Add(keys[w]);
                }
            }
        }

        index.Freeze();
        var s = index.Count;
        var width = c + 2;
        if ((long)s * width > MaxCells)
        {
            throw new NotSupportedException($"{s} states over {c} channels is too many for order {k}.");
        }

        var counts = new double[s * width];
        var (start, value) = (new double[s], new double[s]);
        Count(paths, options, index, (counts, start, value), (b, top));
        return Assemble(paths.Channels, k, index, counts, start, value);
    }

    private static long KeySpace(long b, int k)
    {
        if (k is < 1 or > 6)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "The order is 1 to 6.");
        }

        var space = 1L;
        for (var i = 0; i < k; i++)
        {
            space = checked(space * b);
        }

        return space;
    }

    /// <summary>
    /// Writes the path's window keys, in path order, into <paramref name="keys"/>; returns how many.
    /// Each next key drops the leading digit by subtraction (a 64-bit division per window was
    /// the builder's largest cost).
    /// </summary>
    private static int Windows(ReadOnlySpan<int> path, int k, long b, long top, Span<long> keys)
    {
        var key = 0L;
        for (var i = 0; i < Math.Min(k, path.Length); i++)
        {
            key = (key * b) + path[i] + 1;
        }

        keys[0] = key;
        for (var i = k; i < path.Length; i++)
        {
            key = ((key - ((path[i - k] + 1) * top)) * b) + path[i] + 1;
            keys[i - k + 1] = key;
        }

        return Math.Max(1, path.Length - k + 1);
    }

    private static void Count(EncodedPaths paths, MarkovOptions options, StateIndex index, (double[] Counts, double[] Start, double[] Value) into, (long B, long Top) keys)
    {
        var width = paths.Channels.Length + 2;
        var windows = new long[paths.LongestPath];
        var conversions = paths.Conversions;
        var values = paths.Values;
        var nulls = paths.Nulls;
        for (var p = 0; p < paths.Count; p++)
        {
            var weight = conversions[p] + (options.IncludeNulls ? nulls[p] : 0.0);
            if (weight <= 0)
            {
                continue;
            }

            var path = paths.Path(p);
            var n = Windows(path, options.Order, keys.B, keys.Top, windows);
            var previous = index.Find(windows[0]);
            into.Start[previous] += weight;
            for (var w = 1; w < n; w++)
            {
                // Window w ends with channel path[w + k - 1]: the move's target channel.
                into.Counts[(previous * width) + path[w + options.Order - 1]] += weight;
                previous = index.Find(windows[w]);
            }

            into.Counts[(previous * width) + width - 2] += conversions[p];
            into.Counts[(previous * width) + width - 1] += options.IncludeNulls ? nulls[p] : 0;
            into.Value[previous] += conversions[p] > 0 ? values[p] : 0;
        }
    }

    private static MarkovChain Assemble(string[] channels, int k, StateIndex index, double[] counts, double[] start, double[] value)
    {
        var (s, c, width) = (index.Count, channels.Length, channels.Length + 2);
        var b = (long)c + 1;
        var top = KeySpace(b, k) / b;
        var (rowStart, target, probability) = (new int[s + 1], new List<int>(), new List<double>());
        var (conversion, valueRate, startProbability) = (new double[s], new double[s], new double[s]);
        var totalStart = start.Sum();
        for (var state = 0; state < s; state++)
        {
            rowStart[state] = target.Count;
            var row = counts.AsSpan(state * width, width);
            var outgoing = 0.0;
            foreach (var count in row)
            {
                outgoing += count;
            }

            for (var channel = 0; channel < c; channel++)
            {
                if (row[channel] > 0)
                {
                    target.Add(index.Find(((index.Keys[state] % top) * b) + channel + 1));
                    probability.Add(row[channel] / outgoing);
                }
            }

            conversion[state] = row[c] / outgoing;
            valueRate[state] = value[state] / outgoing;
            startProbability[state] = start[state] / totalStart;
        }

        rowStart[s] = target.Count;
        return new MarkovChain
        {
            Channels = channels, Order = k, Keys = index.Keys, RowStart = rowStart, Target = [.. target],
            Probability = [.. probability], ConversionRate = conversion, ValueRate = valueRate, StartProbability = startProbability,
        };
    }
}
