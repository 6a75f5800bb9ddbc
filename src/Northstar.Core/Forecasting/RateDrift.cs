namespace Northstar.Core.Forecasting;

/// <summary>
/// How far a run-rate forecast misses, measured on the series' own history: at weekly origins
/// (with at least half the history before them), the rate of the next <c>horizon</c> days against
/// the run-rate window before, each deseasonalised with factors estimated from the rest of the
/// history with those days left out (so the factors are tested on days they were not fitted to,
/// as a forecast's are), in logs, less what Poisson noise alone explains. Trends, campaigns and seasonality the factors miss all show up here, so the
/// interval widens by what history says, not by a guess.
/// </summary>
internal static class RateDrift
{
    // With fewer origins than this the estimate is noise; a longer horizon is scaled from a shorter one.
    private const int MinOrigins = 6;

    /// <summary>Variance of the log drift per day of horizon when history is too short to measure it (about 20% over a quarter).</summary>
    public const double DefaultVariancePerDay = 0.0005;

    /// <summary>The standard deviation of the log change of the rate over <paramref name="horizon"/> days.</summary>
    public static double Sigma(DailySeries history, int window, int horizon)
    {
        if (horizon <= 0)
        {
            return 0;
        }

        var measured = horizon;
        while (measured >= 7 && Origins(history, window, measured) < MinOrigins)
        {
            measured /= 2;
        }

        if (measured < 7)
        {
            return Math.Sqrt(DefaultVariancePerDay * horizon);
        }

        var variance = Variance(history, window, measured);
        return Math.Sqrt(variance * horizon / measured);
    }

    private static int FirstOrigin(DailySeries history, int window) => Math.Max(window, history.Values.Count / 2);

    private static int Origins(DailySeries history, int window, int horizon) =>
        Math.Max(0, ((history.Values.Count - FirstOrigin(history, window) - horizon) / 7) + 1);

    private static double Variance(DailySeries history, int window, int horizon)
    {
        var squares = 0.0;
        var noise = 0.0;
        var n = 0;
        for (var t = history.Values.Count - horizon; t >= FirstOrigin(history, window); t -= 7)
        {
            var origin = history.Start.AddDays(t);
            var seasonality = Seasonality.Estimate(history.Without(origin.AddDays(-window), origin.AddDays(horizon)));
            var past = history.Sum(origin.AddDays(-window), origin) + 0.5;
            var future = history.Sum(origin, origin.AddDays(horizon)) + 0.5;
            var pastExposure = seasonality.Exposure(origin.AddDays(-window), origin);
            var futureExposure = seasonality.Exposure(origin, origin.AddDays(horizon));
            var change = Math.Log(future / futureExposure) - Math.Log(past / pastExposure);
            squares += change * change;
            noise += (1 / future) + (1 / past);
            n++;
        }

        return Math.Max(0, (squares - noise) / n);
    }
}
