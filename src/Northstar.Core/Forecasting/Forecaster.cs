using Northstar.Core.Metrics;

namespace Northstar.Core.Forecasting;

/// <summary>
/// Forecasts a count or sum KPI's period-end value: the actual to date plus the rest of the period
/// simulated from the run-rate of the last weeks, month and weekday seasonality, the uncertainty
/// of the rate (a Gamma posterior), its drift over the horizon (measured on history) and Poisson
/// arrivals (for revenue, deals x deal sizes drawn from history).
/// </summary>
public static partial class Forecaster
{
    // Money KPIs whose amounts arrive with a countable KPI (a new customer is a new-business deal won,
    // an opportunity a deal created): the forecast counts those and draws their sizes. Other sums
    // count their days with a value.
    private static readonly Dictionary<string, (string Kpi, string Noun)> Carriers = new(StringComparer.Ordinal)
    {
        ["revenue_new"] = ("customers", "new customers"),
        ["pipeline_created"] = ("opportunities", "opportunities"),
    };

    /// <summary>
    /// The forecast of <paramref name="kpi"/> over <paramref name="period"/> as known before
    /// <paramref name="asOf"/>: a count or sum of days (<see cref="FromDaily"/>), or a ratio of two
    /// counts (<see cref="FromDailyRatio"/>: a Beta posterior of the ratio). Throws
    /// <see cref="ArgumentException"/> with a readable message for an unknown KPI, a KPI that is
    /// neither, a target not above 0, an empty period, or no history to forecast from.
    /// </summary>
    public static Forecast Run(
        MetricsEngine engine, string kpi, double target, DateRange period, DateOnly asOf, ForecastOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentException.ThrowIfNullOrWhiteSpace(kpi);
        options ??= new ForecastOptions();
        var definition = engine.Find(kpi) ?? throw new ArgumentException($"Unknown KPI '{kpi}' (northstar kpi list shows them all).", nameof(kpi));
        var from = asOf.AddDays(-options.HistoryDays) < period.Start ? asOf.AddDays(-options.HistoryDays) : period.Start;
        var to = asOf > period.End ? period.End : asOf;
        if (definition.Unit == KpiUnit.Ratio)
        {
            var (numerator, denominator) = RatioParts(engine, definition)
                ?? throw new ArgumentException($"'{kpi}' is a ratio whose parts are not two counts by day; forecasts cover counts, sums and ratios of two counts (a / b).", nameof(kpi));
            var ratio = new RatioInput(kpi, (numerator, Daily(engine, numerator, from, to)), (denominator, Daily(engine, denominator, from, to)), period, asOf, target)
            {
                Direction = definition.Direction,
            };
            return FromDailyRatio(ratio, options);
        }

        if (definition.Unit is not (KpiUnit.Count or KpiUnit.Money))
        {
            throw new ArgumentException($"'{kpi}' is measured in {definition.Unit.ToString().ToLowerInvariant()}; forecasts cover counts and sums of money.", nameof(kpi));
        }

        var values = Daily(engine, kpi, from, to);
        var input = new ForecastInput(kpi, Noun(definition), values, period, asOf, target) { Direction = definition.Direction };
        if (definition.Unit == KpiUnit.Money)
        {
            input = Carriers.TryGetValue(kpi, out var carrier)
                ? input with { Noun = carrier.Noun, Arrivals = Daily(engine, carrier.Kpi, from, to) }
                : input with { Noun = "days with a value", Arrivals = new DailySeries(values.Start, values.Values.Select(v => v != 0 ? 1.0 : 0.0).ToArray()) };
        }

        return FromDaily(input, options);
    }

    /// <summary>The KPI's value per day over [<paramref name="from"/>, <paramref name="to"/>); throws when the KPI is not a sum of its days.</summary>
    public static DailySeries Daily(MetricsEngine engine, string kpi, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (to <= from)
        {
            return new DailySeries(from, []);
        }

        var result = engine.Run(new MetricQuery(kpi, new DateRange(from, to), Grain.Day));
        var row = result.Rows[0];
        var values = row.Values.Select(v => v ?? 0).ToArray();
        var sum = values.Sum();
        if (row.Total is { } total && Math.Abs(total - sum) > 1e-6 * Math.Max(1, Math.Abs(sum)))
        {
            throw new ArgumentException($"'{kpi}' over a period is not the sum of its days ({total:N0} against {sum:N0}: it counts distinct things), so it cannot be forecast from a daily run-rate.", nameof(kpi));
        }

        return new DailySeries(from, values);
    }

    // "Leads" reads "leads/day"; an acronym ("MQLs") keeps its capitals.
    private static string Noun(KpiDefinition definition) =>
        definition.Name.Count(char.IsUpper) > 1 ? definition.Name : definition.Name.ToLowerInvariant();
}
