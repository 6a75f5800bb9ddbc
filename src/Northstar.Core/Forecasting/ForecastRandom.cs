using Northstar.Core.Simulation;

namespace Northstar.Core.Forecasting;

/// <summary>The draws a forecast needs, on the simulator's seeded generator (same seed, same forecast).</summary>
internal sealed class ForecastRandom(long seed)
{
    private readonly Xoshiro _rng = new(seed, stream: 11);

    public int Next(int max) => _rng.Next(max);

    /// <summary>Successes of <paramref name="trials"/> trials of probability <paramref name="p"/>: exact up to 50 trials, a rounded normal above.</summary>
    public double Binomial(double trials, double p)
    {
        if (trials <= 50)
        {
            var successes = 0;
            for (var i = 0; i < trials; i++)
            {
                successes += _rng.NextDouble() < p ? 1 : 0;
            }

            return successes;
        }

        var draw = Math.Round((trials * p) + (Math.Sqrt(trials * p * (1 - p)) * _rng.Normal()));
        return Math.Clamp(draw, 0, trials);
    }

    public double Normal() => _rng.Normal();

    public int Poisson(double mean) => _rng.Poisson(mean);

    /// <summary>A Gamma(shape, 1) deviate: Marsaglia and Tsang, boosted for a shape under 1.</summary>
    public double Gamma(double shape)
    {
        if (shape < 1)
        {
            return Gamma(shape + 1) * Math.Pow(1.0 - _rng.NextDouble(), 1.0 / shape);
        }

        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = _rng.Normal();
                v = 1.0 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1.0 - _rng.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + (d * (1.0 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    /// <summary>A Beta(a, b) deviate from two Gammas.</summary>
    public double Beta(double a, double b)
    {
        var x = Gamma(a);
        var y = Gamma(b);
        return x + y > 0 ? x / (x + y) : 0.5;
    }
}
