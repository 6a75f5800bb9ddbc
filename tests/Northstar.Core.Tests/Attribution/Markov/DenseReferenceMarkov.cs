using Northstar.Core.Attribution;

namespace Northstar.Core.Tests.Attribution.Markov;

/// <summary>
/// An independent, slow reference for the tests: states as joined window strings, the full
/// dense matrix (I - Q), Gaussian elimination with partial pivoting.
/// </summary>
internal static class DenseReferenceMarkov
{
    /// <summary>(P(conversion), expected value) from start with the states containing <paramref name="removed"/> leading to null.</summary>
    public static (double Conversion, double Value) Solve(IReadOnlyList<ChannelPath> paths, int order, string? removed, bool collapse = true)
    {
        var value = new Dictionary<string, double>();
        var start = new Dictionary<string, double>();
        var moves = new Dictionary<(string From, string To), double>();
        foreach (var path in paths)
        {
            var channels = path.Channels.Where((c, i) => !collapse || i == 0 || path.Channels[i - 1] != c).ToList();
            var windows = channels.Count < order
                ? [string.Join(">", channels)]
                : Enumerable.Range(0, channels.Count - order + 1).Select(i => string.Join(">", channels.Skip(i).Take(order))).ToList();
            var weight = path.Conversions + path.Nulls;
            if (weight == 0)
            {
                continue;
            }

            Add(start, windows[0], weight);
            for (var i = 1; i < windows.Count; i++)
            {
                Add(moves, (windows[i - 1], windows[i]), weight);
            }

            Add(moves, (windows[^1], "(conversion)"), path.Conversions);
            Add(moves, (windows[^1], "(null)"), path.Nulls);
            Add(value, windows[^1], path.Conversions > 0 ? path.Value : 0);
        }

        var states = start.Keys.Concat(moves.Keys.Select(m => m.From)).Distinct().Order(StringComparer.Ordinal).ToList();
        var at = states.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        var n = states.Count;
        var (a, r, rv) = (new double[n, n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            a[i, i] = 1;
            if (removed is not null && states[i].Split('>').Contains(removed))
            {
                continue;
            }

            var outgoing = moves.Where(m => m.Key.From == states[i]).Sum(m => m.Value);
            rv[i] = value.GetValueOrDefault(states[i]) / outgoing;
            foreach (var ((_, to), count) in moves.Where(m => m.Key.From == states[i]))
            {
                if (to == "(conversion)")
                {
                    r[i] += count / outgoing;
                }
                else if (at.TryGetValue(to, out var j))
                {
                    a[i, j] -= count / outgoing;
                }
            }
        }

        var (x, v) = (Eliminate((double[,])a.Clone(), r), Eliminate(a, rv));
        var total = start.Values.Sum();
        return (start.Sum(s => s.Value / total * x[at[s.Key]]), start.Sum(s => s.Value / total * v[at[s.Key]]));
    }

    private static void Add<TKey>(Dictionary<TKey, double> counts, TKey key, double amount)
        where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + amount;

    private static double[] Eliminate(double[,] a, double[] b)
    {
        var n = b.Length;
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(row => Math.Abs(a[row, col]));
            for (var k = 0; k < n; k++)
            {
                (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
            }

            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (var row = col + 1; row < n; row++)
            {
                var f = a[row, col] / a[col, col];
                for (var k = col; k < n; k++)
                {
                    a[row, k] -= f * a[col, k];
                }

                b[row] -= f * b[col];
            }
        }

        var x = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = b[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= a[row, k] * x[k];
            }

            x[row] = sum / a[row, row];
        }

        return x;
    }
}
