using System.Numerics;
using System.Runtime.InteropServices;

namespace Northstar.Core.Attribution.Markov;

/// <summary>
/// The removal solves of <see cref="AbsorptionSolver"/> for a block of channels at once, in
/// lockstep: each state holds one lane per removed channel for the conversion probability and
/// one for the value (zero in the lanes of the channels it contains), so one pass over a
/// transition updates every removal of the block with vector arithmetic. Same Gauss-Seidel
/// sweeps and stopping rule, per lane, as the single solve; blocks run in parallel.
/// </summary>
/// <remarks>
/// On 1M journeys over 20 channels, order 3 (7,620 states), the 20 removal solves took about
/// 0.2 s of wall time on 2 cores one channel at a time; in lanes they share each row's reads.
/// </remarks>
internal static class RemovalSolver
{
    private const double Tolerance = 1e-15;
    private const int MaxSweeps = 100_000;
    private const int BlockChannels = 16;

    /// <summary>Per channel, (conversion probability, expected value) from start with the channel's states leading to null; sweeps start from the full chain's x and v.</summary>
    public static (double Conversion, double Value)[] Solve(MarkovChain chain, double[] x, double[] v)
    {
        var channels = chain.Channels.Length;
        var results = new (double Conversion, double Value)[channels];
        var blocks = Math.Max(1, (channels + BlockChannels - 1) / BlockChannels);
        blocks = channels >= 2 ? Math.Max(blocks, 2) : blocks;
        Parallel.For(0, blocks, b =>
        {
            var first = channels * b / blocks;
            SolveBlock(chain, (x, v), first, (channels * (b + 1) / blocks) - first, results);
        });
        return results;
    }

    private static void SolveBlock(MarkovChain chain, (double[] X, double[] V) from, int first, int count, (double Conversion, double Value)[] results)
    {
        var width = Vector<double>.Count;
        var lanes = ((2 * count) + width - 1) / width * width;
        var n = chain.StateCount;
        var (values, keep) = (new double[n * lanes], new double[n * lanes]);
        for (var s = 0; s < n; s++)
        {
            for (var j = 0; j < count; j++)
            {
                var kept = chain.Contains(s, first + j) ? 0.0 : 1.0;
                (keep[(s * lanes) + j], keep[(s * lanes) + count + j]) = (kept, kept);
                (values[(s * lanes) + j], values[(s * lanes) + count + j]) = (kept * from.X[s], kept * from.V[s]);
            }
        }

        var (isX, isV) = (new double[lanes], new double[lanes]);
        isX.AsSpan(0, count).Fill(1);
        isV.AsSpan(count, count).Fill(1);
        for (var sweep = 0; sweep < MaxSweeps && Sweep(chain, values, keep, (isX, isV), lanes) > Tolerance; sweep++)
        {
        }

        var (conversion, value) = (new double[lanes], new double[lanes]);
        for (var s = 0; s < n; s++)
        {
            for (var j = 0; j < lanes; j++)
            {
                conversion[j] += chain.StartProbability[s] * values[(s * lanes) + j];
            }
        }

        for (var j = 0; j < count; j++)
        {
            results[first + j] = (conversion[j], conversion[count + j]);
        }
    }

    /// <summary>One backward sweep over the states; returns the largest change (relative above 1) in any lane.</summary>
    private static double Sweep(MarkovChain chain, double[] values, double[] keep, (double[] X, double[] V) lane, int lanes)
    {
        var vectors = lanes / Vector<double>.Count;
        Span<Vector<double>> sum = vectors <= 16 ? stackalloc Vector<double>[vectors] : new Vector<double>[vectors];
        var all = MemoryMarshal.Cast<double, Vector<double>>(values.AsSpan());
        var keeps = MemoryMarshal.Cast<double, Vector<double>>(keep.AsSpan());
        var isX = MemoryMarshal.Cast<double, Vector<double>>(lane.X.AsSpan());
        var isV = MemoryMarshal.Cast<double, Vector<double>>(lane.V.AsSpan());
        var change = Vector<double>.Zero;
        for (var s = chain.StateCount - 1; s >= 0; s--)
        {
            var (rate, valueRate, loop) = (new Vector<double>(chain.ConversionRate[s]), new Vector<double>(chain.ValueRate[s]), 0.0);
            for (var k = 0; k < vectors; k++)
            {
                sum[k] = (isX[k] * rate) + (isV[k] * valueRate);
            }

            for (var e = chain.RowStart[s]; e < chain.RowStart[s + 1]; e++)
            {
                var t = chain.Target[e];
                if (t == s)
                {
                    loop += chain.Probability[e];
                    continue;
                }

                var p = new Vector<double>(chain.Probability[e]);
                var target = all.Slice(t * vectors, vectors);
                for (var k = 0; k < vectors; k++)
                {
                    sum[k] += p * target[k];
                }
            }

            var state = all.Slice(s * vectors, vectors);
            var kept = keeps.Slice(s * vectors, vectors);
            var divisor = new Vector<double>(1 - loop);
            for (var k = 0; k < vectors; k++)
            {
                var next = (loop > 0 ? sum[k] / divisor : sum[k]) * kept[k];
                change = Vector.Max(change, Vector.Abs(next - state[k]) / Vector.Max(Vector<double>.One, Vector.Abs(next)));
                state[k] = next;
            }
        }

        var largest = 0.0;
        for (var i = 0; i < Vector<double>.Count; i++)
        {
            largest = Math.Max(largest, change[i]);
        }

        return largest;
    }
}
