namespace Northstar.Core.Forecasting;

/// <summary>
/// Month-of-year and day-of-week factors of a daily series (1 = an average month or weekday),
/// estimated from history and shrunk towards 1 when history is short or counts are small, so
/// one odd month or a handful of events does not bend a forecast.
/// </summary>
/// <param name="Months">Twelve factors, January first.</param>
/// <param name="Weekdays">Seven factors, Monday first.</param>
public sealed record Seasonality(IReadOnlyList<double> Months, IReadOnlyList<double> Weekdays)
{
    // Counts a factor needs before it is believed halfway: below that, Poisson noise dominates.
    private const double CountPrior = 30;

    // Years of a month a factor needs before it is believed halfway.
    private const double YearPrior = 0.1;

    /// <summary>No seasonality: every factor 1.</summary>
    public static Seasonality None { get; } = new(Enumerable.Repeat(1.0, 12).ToArray(), Enumerable.Repeat(1.0, 7).ToArray());

    /// <summary>The expected share of an average day that <paramref name="day"/> gets.</summary>
    public double Factor(DateOnly day) => Months[day.Month - 1] * Weekdays[((int)day.DayOfWeek + 6) % 7];

    /// <summary>The sum of the day factors over [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public double Exposure(DateOnly from, DateOnly to)
    {
        var sum = 0.0;
        for (var day = from; day < to; day = day.AddDays(1))
        {
            sum += Factor(day);
        }

        return sum;
    }

    /// <summary>
    /// Estimates the factors from <paramref name="history"/> (days that are NaN are left out, and
    /// with them their month and the weeks around them). Weekdays: each day against its
    /// centred 7-day mean; months: each whole month's daily mean against a log-linear trend
    /// through the months (so growth is not read as seasonality).
    /// </summary>
    public static Seasonality Estimate(DailySeries history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new Seasonality(EstimateMonths(history), EstimateWeekdays(history.Values, history.Start));
    }

    private static double[] EstimateWeekdays(IReadOnlyList<double> values, DateOnly start)
    {
        var actual = new double[7];
        var level = new double[7];
        for (var i = 3; i + 3 < values.Count; i++)
        {
            var window = 0.0;
            for (var j = i - 3; j <= i + 3; j++)
            {
                window += values[j];
            }

            // A day left out (NaN) leaves out every week around it.
            if (double.IsNaN(window))
            {
                continue;
            }

            var weekday = ((int)start.AddDays(i).DayOfWeek + 6) % 7;
            actual[weekday] += values[i];
            level[weekday] += window / 7;
        }

        var factors = new double[7];
        for (var w = 0; w < 7; w++)
        {
            factors[w] = Shrink(level[w] > 0 ? actual[w] / level[w] : 1, actual[w] / CountPrior);
        }

        return Normalise(factors);
    }

    private static double[] EstimateMonths(DailySeries history)
    {
        var months = WholeMonths(history).Where(m => m.Mean > 0).ToList(); // NaN (left out) compares false
        var factors = Enumerable.Repeat(1.0, 12).ToArray();
        if (months.Count < 4)
        {
            return factors;
        }

        // Growth is not seasonality: fit a log-linear trend to the deseasonalised months, twice.
        var raw = factors;
        for (var pass = 0; pass < 2; pass++)
        {
            var (intercept, slope) = Trend(months.Select(m => (m.Index, Math.Log(m.Mean / raw[m.Month - 1]))).ToList());
            raw = RawFactors(months, m => Math.Exp(intercept + (slope * m)));
        }

        for (var m = 0; m < 12; m++)
        {
            var seen = months.Count(x => x.Month == m + 1);
            var counts = months.Where(x => x.Month == m + 1).Sum(x => x.Total);
            var weight = seen / (seen + YearPrior) * (counts / (counts + CountPrior));
            factors[m] = 1 + ((raw[m] - 1) * weight);
        }

        return Normalise(factors);
    }

    private static double[] RawFactors(List<(int Index, int Month, double Mean, double Total)> months, Func<int, double> level)
    {
        var sum = new double[12];
        var seen = new double[12];
        foreach (var month in months)
        {
            sum[month.Month - 1] += month.Mean / level(month.Index);
            seen[month.Month - 1]++;
        }

        var raw = new double[12];
        for (var m = 0; m < 12; m++)
        {
            raw[m] = seen[m] > 0 ? sum[m] / seen[m] : 1;
        }

        return Normalise(raw);
    }

    private static (double Intercept, double Slope) Trend(List<(int X, double Y)> points)
    {
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var slope = sxx > 0 ? points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / sxx : 0;
        return (meanY - (slope * meanX), slope);
    }

    private static List<(int Index, int Month, double Mean, double Total)> WholeMonths(DailySeries history)
    {
        var result = new List<(int, int, double, double)>();
        var first = new DateOnly(history.Start.Year, history.Start.Month, 1);
        if (first < history.Start)
        {
            first = first.AddMonths(1);
        }

        for (var month = first; month.AddMonths(1) <= history.End; month = month.AddMonths(1))
        {
            var total = history.Sum(month, month.AddMonths(1));
            var days = month.AddMonths(1).DayNumber - month.DayNumber;
            result.Add(((month.Year * 12) + month.Month, month.Month, total / days, total));
        }

        return result;
    }

    private static double Shrink(double raw, double evidence) => 1 + ((raw - 1) * (evidence / (evidence + 1)));

    private static double[] Normalise(double[] factors)
    {
        var mean = factors.Average();
        return mean > 0 ? factors.Select(f => f / mean).ToArray() : factors;
    }
}
