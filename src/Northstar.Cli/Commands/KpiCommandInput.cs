using System.CommandLine;
using System.Globalization;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Cli.Commands;

/// <summary>Reads the period, comparison and filters a user typed; errors are printed with where they are.</summary>
internal static class KpiCommandInput
{
    /// <summary>A new <c>--today</c> option: the day a command counts up to (excluded), for reports on a past date and for tests.</summary>
    public static Option<string?> TodayOption() => new("--today")
    {
        Description = "As of this day (yyyy-MM-dd; the days before it count). Default: today in the workspace's time zone.",
    };

    /// <summary>The as-of day: --today when given (null with an error when it is not a date), else the engine's today.</summary>
    public static DateOnly? Today(string? text, KpiCommandSession session, CliContext context)
    {
        if (text is null)
        {
            return session.Engine.Today;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        context.Error.WriteLine($"error: --today '{text}' is not a date like 2026-01-11.");
        return null;
    }

    /// <summary>The default period: the last complete quarter (fiscal when the fiscal year does not start in January).</summary>
    public const string DefaultPeriod = "last-quarter";

    /// <summary>The --compare values, as typed.</summary>
    public static readonly string[] CompareNames = ["none", "previous", "last-year"];

    /// <summary>The period, or null with the reason (and a caret under the fault) printed.</summary>
    public static Period? Period(string? text, MetricsEngine engine, CliContext context)
    {
        var parsed = PeriodParser.Parse(text, engine.Calendar, engine.Today);
        if (parsed.IsSuccess)
        {
            return parsed.Period;
        }

        context.Error.WriteLine($"error: bad period: {parsed.Error.Reason}");
        context.Error.WriteLine("  " + text);
        context.Error.WriteLine("  " + new string(' ', Math.Clamp(parsed.Error.Position, 0, text?.Length ?? 0)) + "^");
        return null;
    }

    public static Comparison Comparison(string? name) => name switch
    {
        "previous" => Core.Metrics.Periods.Comparison.PreviousPeriod,
        "last-year" => Core.Metrics.Periods.Comparison.SamePeriodLastYear,
        _ => Core.Metrics.Periods.Comparison.None,
    };

    /// <summary>
    /// Reads <c>channel=email</c>, <c>channel!=email</c> or <c>channel=email,paid_search</c> (any of);
    /// null with <paramref name="error"/> set when it is none of these.
    /// </summary>
    public static Filter? Filter(string text, out string? error)
    {
        error = null;
        var negated = text.Contains("!=", StringComparison.Ordinal);
        var at = negated ? text.IndexOf("!=", StringComparison.Ordinal) : text.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0)
        {
            error = $"--filter '{text}': expected dimension=value, dimension!=value or dimension=a,b (e.g. channel=email).";
            return null;
        }

        var dimension = text[..at].Trim();
        var values = text[(at + (negated ? 2 : 1))..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (values.Length == 0)
        {
            error = $"--filter '{text}': no value after the '{(negated ? "!=" : "=")}'.";
            return null;
        }

        if (!Dimensions.All.Contains(dimension))
        {
            error = $"--filter '{text}': unknown dimension '{dimension}' (known: {string.Join(", ", Dimensions.All)}).";
            return null;
        }

        return new Filter(dimension, values, negated);
    }
}
