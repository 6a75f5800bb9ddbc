using System.Globalization;
using Northstar.Core.Metrics;

namespace Northstar.Core.Forecasting;

public static partial class Forecaster
{
    /// <summary>
    /// The forecast from daily values the caller already has (the engine-free core of <see cref="Run"/>).
    /// Throws <see cref="ArgumentException"/> for a target not above 0, an empty period, or no history.
    /// </summary>
    public static Forecast FromDaily(ForecastInput input, ForecastOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new ForecastOptions();
        options.Validate();
        Validate(input);
        var period = input.Period;
        var knownEnd = input.AsOf < period.End ? input.AsOf : period.End;
        var actual = knownEnd > period.Start ? input.Values.Sum(period.Start, knownEnd) : 0;
        if (input.AsOf >= period.End)
        {
            return Collapsed(input, actual);
        }

        var fit = Fit(input.Arrivals ?? input.Values, input.Kpi, period, input.AsOf, options);
        var sizes = input.Arrivals is null ? null : Sizes(input.Values, input.Arrivals, input.AsOf.AddDays(-365), input.AsOf, input.Kpi);
        var outcomes = fit.Model(actual, sizes).Simulate(options.Simulations, options.Seed);
        return Summarise(input, actual, outcomes) with
        {
            DailyRate = fit.DailyRate,
            Seasonality = fit.Seasonal,
            Method = MethodLine(input, fit, sizes, options.Simulations),
        };
    }

    private static RunRateFit Fit(DailySeries arrivals, string kpi, DateRange period, DateOnly asOf, ForecastOptions options)
    {
        var history = Clip(arrivals, asOf.AddDays(-options.HistoryDays), asOf).TrimLeadingZeros();
        if (history.Values.Count == 0)
        {
            throw new ArgumentException(
                $"No history of '{kpi}' before {asOf:yyyy-MM-dd} to forecast {period} from: nothing was counted yet.", nameof(arrivals));
        }

        var seasonality = Seasonality.Estimate(history);
        var window = Window(history, asOf, options);
        var windowStart = asOf.AddDays(-window);
        var shape = 0.5 + history.Sum(windowStart, asOf);
        var rate = seasonality.Exposure(windowStart, asOf);
        var restStart = asOf > period.Start ? asOf : period.Start;
        var exposure = seasonality.Exposure(restStart, period.End);
        var drift = RateDrift.Sigma(history, window, period.End.DayNumber - asOf.DayNumber);
        var seasonal = exposure / (period.End.DayNumber - restStart.DayNumber) / (rate / window);
        return new RunRateFit(window, shape, rate, exposure, drift, seasonal);
    }

    private static int Window(DailySeries history, DateOnly asOf, ForecastOptions options)
    {
        var window = Math.Min(options.RunRateDays, history.Values.Count);
        for (var k = 2; k <= 3 && history.Sum(asOf.AddDays(-window), asOf) < options.RunRateArrivals; k++)
        {
            window = Math.Min(k * options.RunRateDays, history.Values.Count);
        }

        return window;
    }

    private static void Validate(ForecastInput input)
    {
        ArgumentNullException.ThrowIfNull(input.Values);
        if (!double.IsFinite(input.Target) || input.Target <= 0)
        {
            throw new ArgumentException($"The target of '{input.Kpi}' must be a number above 0 (got {input.Target.ToString(CultureInfo.InvariantCulture)}).", nameof(input));
        }

        if (input.Period.Days == 0)
        {
            throw new ArgumentException($"The period of '{input.Kpi}' has no days.", nameof(input));
        }
    }

    private static Forecast Collapsed(ForecastInput input, double actual)
    {
        var met = input.Direction == KpiDirection.DownIsGood ? actual <= input.Target : actual >= input.Target;
        return new Forecast(
            input.Kpi, input.Period, input.AsOf, input.Target, actual, actual, actual, actual, met ? 1 : 0, 0,
            "the period is over: the actual is final, nothing left to simulate");
    }

    private static Forecast Summarise(ForecastInput input, double actual, double[] sorted)
    {
        var met = input.Direction == KpiDirection.DownIsGood
            ? sorted.Count(v => v <= input.Target)
            : sorted.Count(v => v >= input.Target);
        return new Forecast(
            input.Kpi, input.Period, input.AsOf, input.Target, actual, sorted.Average(),
            Percentile(sorted, 0.10), Percentile(sorted, 0.90), (double)met / sorted.Length, sorted.Length, "");
    }

    /// <summary>The <paramref name="p"/> quantile of sorted values, interpolated between ranks.</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    private static DailySeries Clip(DailySeries series, DateOnly from, DateOnly to)
    {
        var start = from > series.Start ? from : series.Start;
        var end = to < series.End ? to : series.End;
        if (end <= start)
        {
            return new DailySeries(start, []);
        }

        return new DailySeries(start, series.Values.Skip(start.DayNumber - series.Start.DayNumber).Take(end.DayNumber - start.DayNumber).ToArray());
    }

    // One size per arrival: a day's amount shared equally by its arrivals (the engine gives days, not
    // deals), then scaled so the sizes average the year's amount per arrival (days where an amount
    // and its arrival fall apart would otherwise bias them).
    private static double[] Sizes(DailySeries values, DailySeries arrivals, DateOnly from, DateOnly to, string kpi)
    {
        var sizes = new List<double>();
        var (amount, count) = (0.0, 0.0);
        for (var day = from; day < to; day = day.AddDays(1))
        {
            var n = (int)Math.Round(arrivals.On(day));
            (amount, count) = (amount + values.On(day), count + n);
            for (var i = 0; i < n && values.On(day) != 0; i++)
            {
                sizes.Add(values.On(day) / n);
            }
        }

        if (sizes.Count == 0 || count == 0)
        {
            throw new ArgumentException($"No amounts of '{kpi}' in the year before the as-of date to draw sizes from.", nameof(kpi));
        }

        var scale = amount / count / sizes.Average();
        return [.. sizes.Select(s => s * scale)];
    }

    private static string MethodLine(ForecastInput input, RunRateFit fit, double[]? sizes, int runs)
    {
        var c = CultureInfo.InvariantCulture;
        var sized = sizes is null ? "" : string.Create(c, $" x sizes drawn from {sizes.Length:N0} past {input.Noun} (mean {sizes.Average():N0})");
        return string.Create(c,
            $"run-rate {fit.DailyRate:0.###} {input.Noun}/day over the last {fit.Window} days{sized}, seasonality x{fit.Seasonal:0.00} for the rest of {input.Period}, 80% interval from {runs:N0} simulated {Kind(input.Period)}");
    }

    private static string Kind(DateRange period) => period.Days switch
    {
        >= 28 and <= 31 => "months",
        >= 89 and <= 92 => "quarters",
        >= 181 and <= 184 => "halves",
        >= 365 and <= 366 => "years",
        _ => "periods",
    };
}
