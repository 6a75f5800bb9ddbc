using System.Globalization;
using System.Text.RegularExpressions;
using Northstar.Core.Metrics;

namespace Northstar.Core.Forecasting;

public static partial class Forecaster
{
    // Built-in ratios of two count KPIs (most built-in rates are over measures or cohorts the engine
    // does not give per day as KPIs); custom KPIs written "a / b" over count KPIs qualify too.
    private static readonly Dictionary<string, (string Numerator, string Denominator)> Ratios = new(StringComparer.Ordinal)
    {
        ["traffic_to_lead_rate"] = ("leads", "sessions"),
    };

    /// <summary>
    /// The forecast of a ratio over a period: the denominator's rest of the period simulated as a
    /// count (run-rate, seasonality, drift), the numerator's share of it drawn from a Beta posterior
    /// of the ratio over the same run-rate window, and the period ratio of both, known days included.
    /// </summary>
    public static Forecast FromDailyRatio(RatioInput input, ForecastOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new ForecastOptions();
        options.Validate();
        Validate(new ForecastInput(input.Kpi, "", input.Denominator.Values, input.Period, input.AsOf, input.Target));
        var period = input.Period;
        var knownEnd = input.AsOf < period.End ? input.AsOf : period.End;
        var knownNum = knownEnd > period.Start ? input.Numerator.Values.Sum(period.Start, knownEnd) : 0;
        var knownDen = knownEnd > period.Start ? input.Denominator.Values.Sum(period.Start, knownEnd) : 0;
        var known = new ForecastInput(input.Kpi, "", input.Denominator.Values, period, input.AsOf, input.Target) { Direction = input.Direction };
        if (input.AsOf >= period.End)
        {
            return knownDen > 0
                ? Collapsed(known, knownNum / knownDen)
                : throw new ArgumentException($"'{input.Kpi}' has no {input.Denominator.Kpi} in {period}: the ratio has no value.", nameof(input));
        }

        var fit = Fit(input.Denominator.Values, input.Denominator.Kpi, period, input.AsOf, options);
        var windowStart = input.AsOf.AddDays(-fit.Window);
        var num = input.Numerator.Values.Sum(windowStart, input.AsOf);
        var den = input.Denominator.Values.Sum(windowStart, input.AsOf);
        if (num > den)
        {
            throw new ArgumentException($"'{input.Kpi}' is above 1 over the last {fit.Window} days ({num:N0} {input.Numerator.Kpi} / {den:N0} {input.Denominator.Kpi}); only shares can be forecast as ratios.", nameof(input));
        }

        var outcomes = SimulateRatio(fit, (knownNum, knownDen), (0.5 + num, 0.5 + den - num), options);
        var c = CultureInfo.InvariantCulture;
        return Summarise(known, knownDen > 0 ? knownNum / knownDen : double.NaN, outcomes) with
        {
            DailyRate = fit.DailyRate,
            Seasonality = fit.Seasonal,
            Method = string.Create(c,
                $"ratio {100 * num / Math.Max(1, den):0.00}% (Beta posterior of {num:N0} {input.Numerator.Kpi} / {den:N0} {input.Denominator.Kpi} over the last {fit.Window} days) on {input.Denominator.Kpi} at run-rate {fit.DailyRate:0.###}/day, seasonality x{fit.Seasonal:0.00}, 80% interval from {options.Simulations:N0} simulated {Kind(period)}"),
        };
    }

    /// <summary>The numerator and denominator KPIs of a ratio KPI that can be forecast, or null.</summary>
    internal static (string Numerator, string Denominator)? RatioParts(MetricsEngine engine, KpiDefinition definition)
    {
        if (Ratios.TryGetValue(definition.Id, out var parts))
        {
            return parts;
        }

        var match = definition.Formula is { } f ? Regex.Match(f, @"^\s*([a-z0-9_]+)\s*/\s*([a-z0-9_]+)\s*$", RegexOptions.None, TimeSpan.FromSeconds(1)) : Match.Empty;
        return match.Success
            && engine.Find(match.Groups[1].Value)?.Unit == KpiUnit.Count
            && engine.Find(match.Groups[2].Value)?.Unit == KpiUnit.Count
            ? (match.Groups[1].Value, match.Groups[2].Value)
            : null;
    }

    private static double[] SimulateRatio(RunRateFit fit, (double Num, double Den) known, (double A, double B) beta, ForecastOptions options)
    {
        var denominators = fit.Model(0).Simulate(options.Simulations, options.Seed);
        var rng = new ForecastRandom(options.Seed + 1);
        var outcomes = new double[denominators.Length];
        for (var r = 0; r < outcomes.Length; r++)
        {
            var share = rng.Beta(beta.A, beta.B);
            var den = known.Den + denominators[r];
            outcomes[r] = den > 0 ? (known.Num + rng.Binomial(denominators[r], share)) / den : share;
        }

        Array.Sort(outcomes);
        return outcomes;
    }
}
