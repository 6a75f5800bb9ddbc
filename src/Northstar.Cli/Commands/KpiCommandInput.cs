using System.CommandLine;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;
using Northstar.Core.Metrics.Queries;

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
        if (KpiQueryInput.ReadToday(text, session.Engine) is { } day)
        {
            return day;
        }

        context.Error.WriteLine($"error: --today '{text}' is not a date like 2026-01-11.");
        return null;
    }

    /// <summary>The period, or null with the reason (and a caret under the fault) printed.</summary>
    public static Period? Period(string? text, MetricsEngine engine, CliContext context)
    {
        var (period, problem) = KpiQueryInput.ReadPeriod(text, engine);
        if (problem is not null)
        {
            PrintPeriodProblem(context, problem);
        }

        return period;
    }

    /// <summary>Prints a period problem: the reason, the text, a caret under the fault.</summary>
    public static void PrintPeriodProblem(CliContext context, QueryProblem problem)
    {
        context.Error.WriteLine($"error: bad period: {problem.Reason}");
        context.Error.WriteLine(problem.Pointer());
    }
}
