namespace Northstar.Core.Forecasting;

/// <summary>
/// What the rest of a period is simulated from: arrivals at a daily rate with a Gamma(shape, rate)
/// posterior, over <see cref="Exposure"/> season-weighted days, the rate drifting by a log-normal
/// of <see cref="DriftSigma"/> over that horizon; each arrival adds 1, or a size drawn from
/// <see cref="Sizes"/> (deal amounts).
/// </summary>
/// <param name="Known">The actual value of the days already known.</param>
/// <param name="Shape">Gamma posterior shape of the daily rate (prior 0.5 plus the arrivals counted).</param>
/// <param name="Rate">Gamma posterior rate (the season-weighted days counted).</param>
/// <param name="Exposure">The season-weighted days still to come.</param>
/// <param name="DriftSigma">Standard deviation of the log of the rate's change over the horizon.</param>
/// <param name="Sizes">Sizes an arrival adds (null: each counts 1).</param>
internal sealed record RemainderModel(double Known, double Shape, double Rate, double Exposure, double DriftSigma, IReadOnlyList<double>? Sizes)
{
    /// <summary>Simulated period-end values, sorted ascending.</summary>
    public double[] Simulate(int runs, long seed)
    {
        var outcomes = new double[runs];
        if (Exposure <= 0 || Rate <= 0)
        {
            Array.Fill(outcomes, Known);
            return outcomes;
        }

        var rng = new ForecastRandom(seed);
        var drift = DriftSigma * DriftSigma / 2;
        for (var r = 0; r < runs; r++)
        {
            var rate = rng.Gamma(Shape) / Rate * Math.Exp((DriftSigma * rng.Normal()) - drift);
            var arrivals = rng.Poisson(rate * Exposure);
            outcomes[r] = Known + Add(arrivals, rng);
        }

        Array.Sort(outcomes);
        return outcomes;
    }

    private double Add(int arrivals, ForecastRandom rng)
    {
        if (Sizes is null || Sizes.Count == 0)
        {
            return arrivals;
        }

        var sum = 0.0;
        for (var i = 0; i < arrivals; i++)
        {
            sum += Sizes[rng.Next(Sizes.Count)];
        }

        return sum;
    }
}
