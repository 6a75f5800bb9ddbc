using System.Globalization;
using Spectre.Console;

namespace Northstar.Cli.Output;

/// <summary>
/// Shows the progress of long work: a live bar on a terminal, plain lines on stderr otherwise
/// (scripts, CI and the process tests read those lines).
/// </summary>
internal static class ProgressDisplay
{
    /// <param name="context">Where to show it.</param>
    /// <param name="work">The work; it reports through the progress it is given.</param>
    /// <param name="fraction">How far a report says the work is, 0 to 1.</param>
    /// <param name="describe">The text of a report, e.g. <c>big.csv: 1,234 rows</c>.</param>
    /// <param name="plainLine">Which reports get a plain line (default: every one).</param>
    public static T Run<TProgress, T>(
        CliContext context,
        Func<IProgress<TProgress>, T> work,
        Func<TProgress, double> fraction,
        Func<TProgress, string> describe,
        Func<TProgress, bool>? plainLine = null)
    {
        if (!context.Console.Profile.Capabilities.Interactive)
        {
            return work(new SyncProgress<TProgress>(p =>
            {
                if (plainLine?.Invoke(p) ?? true)
                {
                    context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{describe(p)} ({fraction(p) * 100:F0}%)"));
                }
            }));
        }

        T result = default!;
        context.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("starting", maxValue: 1.0);
                result = work(new SyncProgress<TProgress>(p =>
                {
                    task.Value = fraction(p);
                    task.Description = Markup.Escape(describe(p));
                }));
                task.Value = 1.0;
            });
        return result;
    }
}
