using System.Globalization;
using Northstar.Core.Metrics;

namespace Northstar.Core.Alerts;

/// <summary>
/// Flags daily values that stand out from their own history, robustly: a day is held against the
/// same weekday of the previous weeks (so a weekday pattern is not news), by its distance from their
/// median in units of their MAD scaled by 1.4826 (the standard deviation, were the history normal).
/// One wild day in the history moves neither, unlike a mean and a standard deviation. When the MAD is
/// 0 the mean absolute deviation x 1.2533 stands in for the scale; when that is 0 too (a flat history)
/// any other value is an outlier.
/// </summary>
public static class DailyOutliers
{
    private const double MadToSd = 1.4826;
    private const double MeanAdToSd = 1.2533;

    /// <summary>
    /// Scans each KPI's days in <paramref name="range"/> (daily values through the engine, with
    /// <see cref="OutlierOptions.Weeks"/> weeks of history before the range read too). Days not over yet are not judged;
    /// a KPI the engine does not know (or cannot give by day) gets a note instead.
    /// </summary>
    public static OutlierScan Scan(MetricsEngine engine, IEnumerable<string> kpis, DateRange range, OutlierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(kpis);
        options ??= new OutlierOptions();
        var alerts = new List<Alert>();
        var notes = new List<string>();
        foreach (var kpi in kpis)
        {
            var read = new DateRange(range.Start.AddDays(-7 * options.Weeks), range.End);
            KpiResult result;
            try
            {
                result = engine.Run(new MetricQuery(kpi, read, Grain.Day));
            }
            catch (MetricQueryException e)
            {
                notes.Add($"{kpi}: not scanned: {e.Message}");
                continue;
            }

            var row = result.Rows.Single();
            var series = result.Columns.Select((c, i) => new DayValue(c.Range.Start, c.Incomplete ? null : row.Values[i])).ToList();
            var scan = Detect(result.Kpi, series, range, options);
            alerts.AddRange(scan.Alerts);
            notes.AddRange(scan.Notes);
        }

        return new OutlierScan(alerts, notes);
    }

    /// <summary>
    /// Judges the days of <paramref name="series"/> inside <paramref name="range"/> against the series' earlier same weekdays.
    /// Days before the series' first non-zero value are taken as days before the data began: no history.
    /// </summary>
    public static OutlierScan Detect(KpiDefinition kpi, IReadOnlyList<DayValue> series, DateRange range, OutlierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(series);
        options ??= new OutlierOptions();
        options.Validate();
        // Zeros before the KPI's first non-zero day are days before its data began, not a flat history.
        var first = series.Where(v => v.Value is { } x && x != 0).Select(v => (DateOnly?)v.Day).Min();
        var byDay = series.Where(v => v.Value is not null && v.Day >= first).ToDictionary(v => v.Day, v => v.Value!.Value);
        var alerts = new List<Alert>();
        var skipped = new List<DateOnly>();
        foreach (var (day, value) in byDay.Where(d => range.Contains(d.Key)).OrderBy(d => d.Key))
        {
            var history = Enumerable.Range(1, options.Weeks).Select(w => day.AddDays(-7 * w))
                .Where(byDay.ContainsKey).Select(d => byDay[d]).ToArray();
            if (history.Length < options.MinHistory)
            {
                skipped.Add(day);
                continue;
            }

            if (Judge(kpi, day, value, history, options) is { } alert)
            {
                alerts.Add(alert);
            }
        }

        IReadOnlyList<string> notes = skipped.Count == 0 ? [] :
        [
            string.Create(
                CultureInfo.InvariantCulture,
                $"{kpi.Id}: {skipped.Count} day(s) between {skipped[0]:yyyy-MM-dd} and {skipped[^1]:yyyy-MM-dd} not judged: fewer than {options.MinHistory} of the previous {options.Weeks} same weekdays have a value."),
        ];
        return new OutlierScan(alerts, notes);
    }

    /// <summary>The median of the values (the mean of the middle two for an even count).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// The robust z-score of <paramref name="value"/> against <paramref name="history"/> (infinite for a
    /// flat history it differs from). For a <paramref name="count"/> (leads, SQLs) the scale is at least
    /// the Poisson noise of the median, sqrt(max(median, 1)): one SQL on a day after eight days of none
    /// is chance, not news, however flat the history.
    /// </summary>
    public static double RobustZ(double value, IReadOnlyList<double> history, bool count = false)
    {
        var median = Median(history);
        var scale = Scale(history, median);
        if (count)
        {
            scale = Math.Max(scale, Math.Sqrt(Math.Max(median, 1)));
        }

        var distance = value - median;
        return scale > 0 ? distance / scale : distance == 0 ? 0 : double.CopySign(double.PositiveInfinity, distance);
    }

    private static double Scale(IReadOnlyList<double> history, double median)
    {
        var mad = Median([.. history.Select(x => Math.Abs(x - median))]);
        return mad > 0 ? MadToSd * mad : MeanAdToSd * history.Average(x => Math.Abs(x - median));
    }

    private static Alert? Judge(KpiDefinition kpi, DateOnly day, double value, double[] history, OutlierOptions options)
    {
        var z = RobustZ(value, history, options.CountNoiseFloor && kpi.Unit == KpiUnit.Count);
        if (Math.Abs(z) < options.Threshold)
        {
            return null;
        }

        var median = Median(history);
        var weekday = day.DayOfWeek + "s";
        var above = z > 0;
        var how = double.IsInfinity(z)
            ? $"{(above ? "above" : "below")} every one of the previous {history.Length} {weekday} ({Format(kpi, median)})"
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(z):0.0} robust SD {(above ? "above" : "below")} the median of the previous {history.Length} {weekday} ({Format(kpi, median)})");
        var why = $"{day:yyyy-MM-dd}: {Format(kpi, value)} {Noun(kpi.Name)}, {how}";
        var bad = kpi.Direction switch
        {
            KpiDirection.UpIsGood => !above,
            KpiDirection.DownIsGood => above,
            _ => false,
        };
        return new Alert(AlertKind.Outlier, kpi.Id, bad ? AlertSeverity.Warning : AlertSeverity.Info, why)
        {
            Day = day, Value = value, Reference = median, Score = z,
        };
    }

    // "Sessions" reads "sessions" in a sentence; "MQLs" stays "MQLs".
    private static string Noun(string name) =>
        name.Length > 1 && char.IsLower(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    private static string Format(KpiDefinition kpi, double value) => kpi.Unit switch
    {
        KpiUnit.Ratio => (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
        _ when value == Math.Floor(value) && Math.Abs(value) < 1e15 => value.ToString("N0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
