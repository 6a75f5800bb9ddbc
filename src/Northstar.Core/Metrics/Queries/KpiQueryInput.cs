using System.Globalization;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Core.Metrics.Queries;

/// <summary>
/// A KPI query as a person types it (the CLI's <c>kpi</c> options, the API's query string):
/// period text, grain, breakdown, <c>dimension=value</c> filters, comparison name. One reader
/// for every front end, so the same text means the same query everywhere.
/// </summary>
/// <param name="Kpi">The KPI id, built-in or custom.</param>
public sealed record KpiQueryInput(string Kpi)
{
    /// <summary>The default period: the last complete quarter (fiscal when the fiscal year does not start in January).</summary>
    public const string DefaultPeriod = "last-quarter";

    /// <summary>The comparison names: none, previous (default), last-year.</summary>
    public static IReadOnlyList<string> CompareNames { get; } = ["none", "previous", "last-year"];

    /// <summary>2025-Q3, 2025-07, FY2026-Q1, last-30-days, ...; null means <see cref="DefaultPeriod"/>.</summary>
    public string? Period { get; init; }

    /// <summary>Buckets inside the period (default month).</summary>
    public Grain Grain { get; init; } = Grain.Month;

    /// <summary>The dimension to break down by, or null.</summary>
    public string? By { get; init; }

    /// <summary>Filters as typed: <c>channel=email</c>, <c>channel!=email</c>, <c>channel=a,b</c>; all must hold.</summary>
    public IReadOnlyList<string> Filters { get; init; } = [];

    /// <summary>One of <see cref="CompareNames"/>; null means previous.</summary>
    public string? Compare { get; init; }

    /// <summary>The query, or the first problem found (filters, then the breakdown, the comparison, the period).</summary>
    public (MetricQuery? Query, QueryProblem? Problem) Read(MetricsEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var filters = new List<Filter>();
        foreach (var text in Filters)
        {
            var (filter, problem) = ReadFilter(text);
            if (filter is null)
            {
                return (null, problem);
            }

            filters.Add(filter);
        }

        if (By is { } by && !Dimensions.All.Contains(by))
        {
            return (null, new QueryProblem("by", $"unknown dimension '{by}' (known: {string.Join(", ", Dimensions.All)})"));
        }

        if (ReadComparison(Compare) is not { } comparison)
        {
            return (null, new QueryProblem("compare", $"unknown comparison '{Compare}' (known: {string.Join(", ", CompareNames)})"));
        }

        var (period, periodProblem) = ReadPeriod(Period ?? DefaultPeriod, engine);
        if (period is null)
        {
            return (null, periodProblem);
        }

        var compared = Comparisons.RangeFor(period, comparison, engine.Calendar);
        return (new MetricQuery(Kpi, period.Range, Grain)
        {
            Label = period.Label,
            By = By,
            Filters = filters,
            CompareWith = compared?.Range,
            CompareLabel = compared?.Label,
        }, null);
    }

    /// <summary>The period the text names on the engine's calendar and today, or the problem (with the fault's position).</summary>
    public static (Period? Period, QueryProblem? Problem) ReadPeriod(string? text, MetricsEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var parsed = PeriodParser.Parse(text, engine.Calendar, engine.Today);
        return parsed.IsSuccess
            ? (parsed.Period, null)
            : (null, new QueryProblem("period", parsed.Error.Reason, text ?? "", Math.Clamp(parsed.Error.Position, 0, text?.Length ?? 0)));
    }

    /// <summary>The comparison a name means (none, previous, last-year; null is previous), or null for an unknown name.</summary>
    public static Comparison? ReadComparison(string? name) => name switch
    {
        null or "previous" => Comparison.PreviousPeriod,
        "last-year" => Comparison.SamePeriodLastYear,
        "none" => Comparison.None,
        _ => null,
    };

    /// <summary>The as-of day typed as yyyy-MM-dd (the days before it count), the engine's today when the text is null, or null when it is not such a date.</summary>
    public static DateOnly? ReadToday(string? text, MetricsEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return text is null ? engine.Today
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : null;
    }

    /// <summary>The grain a name means (total, day, week, month, quarter, year; any case; null is month), or null for an unknown name.</summary>
    public static Grain? ReadGrain(string? name) =>
        name is null ? Grain.Month
        : Enum.TryParse<Grain>(name, ignoreCase: true, out var grain) && Enum.IsDefined(grain) && !char.IsAsciiDigit(name[0]) ? grain
        : null;

    /// <summary>
    /// Reads <c>channel=email</c>, <c>channel!=email</c> or <c>channel=email,paid_search</c> (any of);
    /// the problem's reason quotes the text (e.g. <c>'x': expected dimension=value, ...</c>).
    /// </summary>
    public static (Filter? Filter, QueryProblem? Problem) ReadFilter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var negated = text.Contains("!=", StringComparison.Ordinal);
        var at = negated ? text.IndexOf("!=", StringComparison.Ordinal) : text.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0)
        {
            return (null, new QueryProblem("filter", $"'{text}': expected dimension=value, dimension!=value or dimension=a,b (e.g. channel=email)"));
        }

        var dimension = text[..at].Trim();
        var values = text[(at + (negated ? 2 : 1))..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (values.Length == 0)
        {
            return (null, new QueryProblem("filter", $"'{text}': no value after the '{(negated ? "!=" : "=")}'"));
        }

        if (!Dimensions.All.Contains(dimension))
        {
            return (null, new QueryProblem("filter", $"'{text}': unknown dimension '{dimension}' (known: {string.Join(", ", Dimensions.All)})"));
        }

        return (new Filter(dimension, values, negated), null);
    }
}
