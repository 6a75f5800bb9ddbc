namespace Northstar.Core.Attribution.Markov;

/// <summary>
/// Solves the absorbing chain for the probability of ending in conversion and the expected
/// value collected there, x = Q x + r, by Gauss-Seidel sweeps over the sparse rows until a
/// sweep changes no entry by more than 1e-15 (relative above 1) (the chain is absorbing, so the
/// sweeps contract; the remaining error is a few times that). A state's move to itself
/// (repeats kept) is solved for exactly in its own row. Same input, same sweeps, same digits.
/// The removal solves start from this answer in <see cref="RemovalSolver"/>.
/// </summary>
internal static class AbsorptionSolver
{
    private const double Tolerance = 1e-15;
    private const int MaxSweeps = 100_000;

    /// <summary>(conversion probability, expected value) from start, and per state.</summary>
    public static (double Conversion, double Value, double[] X, double[] V) Solve(MarkovChain chain)
    {
        var n = chain.StateCount;
        var (x, v) = (new double[n], new double[n]);
        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            var change = 0.0;
            for (var s = n - 1; s >= 0; s--)
            {
                var (nx, nv) = Row(chain, s, x, v);
                change = Math.Max(change, Math.Max(Math.Abs(nx - x[s]) / Math.Max(1, nx), Math.Abs(nv - v[s]) / Math.Max(1, Math.Abs(nv))));
                (x[s], v[s]) = (nx, nv);
            }

            if (change <= Tolerance)
            {
                break;
            }
        }

        var (conversion, value) = FromStart(chain, x, v);
        return (conversion, value, x, v);
    }

    /// <summary>State s's new (x, v) from its row; a move to itself is solved for in place.</summary>
    private static (double X, double V) Row(MarkovChain chain, int s, double[] x, double[] v)
    {
        var (nx, nv, loop) = (chain.ConversionRate[s], chain.ValueRate[s], 0.0);
        for (var e = chain.RowStart[s]; e < chain.RowStart[s + 1]; e++)
        {
            var (t, p) = (chain.Target[e], chain.Probability[e]);
            if (t == s)
            {
                loop += p;
                continue;
            }

            nx += p * x[t];
            nv += p * v[t];
        }

        return loop > 0 ? (nx / (1 - loop), nv / (1 - loop)) : (nx, nv);
    }

    private static (double Conversion, double Value) FromStart(MarkovChain chain, double[] x, double[] v)
    {
        var (conversion, value) = (0.0, 0.0);
        for (var s = 0; s < chain.StateCount; s++)
        {
            conversion += chain.StartProbability[s] * x[s];
            value += chain.StartProbability[s] * v[s];
        }

        return (conversion, value);
    }
}
