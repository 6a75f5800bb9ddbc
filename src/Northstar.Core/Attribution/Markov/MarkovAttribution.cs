namespace Northstar.Core.Attribution.Markov;

/// <summary>
/// Markov-chain attribution computed exactly: the chain's conversion probability from the
/// absorbing linear system, each channel's removal effect (1 - P(conversion with the
/// channel's states leading to null) / P(conversion)), and the conversions and value split in
/// proportion to the removal effects (the value by the value-weighted chain's effects).
/// </summary>
public static class MarkovAttribution
{
    /// <summary>The Markov model over a path table.</summary>
    public static MarkovResult Compute(IReadOnlyList<ChannelPath> paths, MarkovOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Compute(PathTableColumns.From(paths), options);
    }

    /// <summary>The Markov model over a path table's columns (<see cref="PathTable.ReadColumns(string)"/>): the fast way from a file.</summary>
    public static MarkovResult Compute(PathTableColumns paths, MarkovOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= MarkovOptions.Default;
        var encoded = EncodedPaths.From(paths, options.CollapseRepeats);
        var chain = MarkovChainBuilder.Build(encoded, options);
        var (conversion, value, x, v) = AbsorptionSolver.Solve(chain);
        var channels = chain.Channels;
        var removed = RemovalSolver.Solve(chain, x, v);
        var effects = new MarkovRemovalEffect[channels.Length];
        for (var c = 0; c < channels.Length; c++)
        {
            effects[c] = new MarkovRemovalEffect(channels[c], Effect(conversion, removed[c].Conversion), Effect(value, removed[c].Value));
        }

        var (totalConversions, totalValue) = Totals(paths);
        var conversions = Split(totalConversions, effects.Select(e => e.Conversion).ToArray());
        var values = Split(totalValue, effects.Select(e => e.Value).ToArray());
        var credits = channels.Select((name, c) => new ChannelCredit(name, conversions[c], values[c])).ToArray();
        return new MarkovResult(conversion, value, chain.StateCount, effects, credits);
    }

    private static (double Conversions, double Value) Totals(PathTableColumns paths)
    {
        var (conversions, value) = (0.0, 0.0);
        for (var p = 0; p < paths.Count; p++)
        {
            conversions += paths.Conversions[p];
            value += paths.Conversions[p] > 0 ? paths.Values[p] : 0;
        }

        return (conversions, value);
    }

    private static double Effect(double full, double without) => full > 0 ? Math.Clamp(1 - (without / full), 0, 1) : 0;

    /// <summary>The total split in proportion to the weights; the largest share takes the rounding so the parts add up to the total.</summary>
    private static double[] Split(double total, double[] weights)
    {
        var parts = new double[weights.Length];
        var sum = weights.Sum();
        if (sum <= 0 || total == 0)
        {
            return parts;
        }

        var largest = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            parts[i] = total * weights[i] / sum;
            largest = parts[i] > parts[largest] ? i : largest;
        }

        var others = 0.0;
        for (var i = 0; i < parts.Length; i++)
        {
            others += i == largest ? 0 : parts[i];
        }

        parts[largest] = total - others;
        return parts;
    }
}
