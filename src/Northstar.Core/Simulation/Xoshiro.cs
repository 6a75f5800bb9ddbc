namespace Northstar.Core.Simulation;

/// <summary>
/// xoshiro256** (Blackman and Vigna), seeded through splitmix64: our own generator so that a
/// seed gives the same company on every runtime, which System.Random does not promise.
/// </summary>
internal sealed class Xoshiro
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro(long seed, ulong stream = 0)
    {
        var x = unchecked((ulong)seed) ^ (stream * 0xD1B54A32D192ED03UL);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, max).</summary>
    public int Next(int max) => (int)(((NextUInt64() >> 32) * (ulong)max) >> 32);

    /// <summary>Uniform in [min, max].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>Uniform in [min, max).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>A span uniform in [min, max) days, in whole seconds (timestamps stay second-aligned).</summary>
    public TimeSpan Days(double min, double max) => TimeSpan.FromSeconds(Math.Floor(Uniform(min, max) * 86_400));

    /// <summary>A span uniform in [min, max) hours, in whole seconds.</summary>
    public TimeSpan Hours(double min, double max) => TimeSpan.FromSeconds(Math.Floor(Uniform(min, max) * 3_600));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A standard normal deviate (Box-Muller, two uniforms every call so the draw count is fixed).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Poisson count: Knuth's method for small means, a rounded normal for large ones.</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 40)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Normal())));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var product = NextDouble();
        while (product > limit)
        {
            k++;
            product *= NextDouble();
        }

        return k;
    }

    /// <summary>Failures before the first success of a trial with probability <paramref name="p"/>, capped.</summary>
    public int Geometric(double p, int cap)
    {
        var k = 0;
        while (k < cap && !Chance(p))
        {
            k++;
        }

        return k;
    }

    /// <summary>An index drawn with the given weights (need not sum to one).</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
        }

        var target = NextDouble() * total;
        for (var i = 0; i < weights.Count - 1; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
