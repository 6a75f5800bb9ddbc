using System.CommandLine;
using Northstar.Cli.Commands;
using Northstar.Core.Storage;
using Spectre.Console;

namespace Northstar.Cli;

/// <summary>The <c>northstar</c> command: its sub-commands and the options they share.</summary>
internal static class NorthstarApp
{
    /// <summary>Parses and runs one command line; returns the process exit code.</summary>
    public static int Run(string[] args, IAnsiConsole console, TextWriter stdout, TextWriter stderr)
    {
        var context = new CliContext(console, stdout, stderr);
        var root = new RootCommand("Northstar: marketing KPIs, goals and attribution on your own machine.");
        root.Options.Add(CommonOptions.Db);
        root.Options.Add(CommonOptions.Workspace);
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(FactsCommand.Create(context));
        root.Subcommands.Add(ChannelsCommand.Create(context));
        root.Subcommands.Add(KpiCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(PlanCommand.Create(context));
        root.Subcommands.Add(SettingsCommand.Create(context));
        root.Subcommands.Add(GoalCommand.Create(context));
        root.Subcommands.Add(AttributionCommand.Create(context));
        root.Subcommands.Add(UsersCommand.Create(context));
        root.Subcommands.Add(KeysCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(MigrateCommand.Create(context));
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return root.Parse(args).Invoke(config);
        }
        catch (StoreUnavailableException e)
        {
            // A database this build cannot open: say why, without a stack trace.
            stderr.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (StoreTransientException e)
        {
            // The database server went away. Only the write under way is lost (an import's earlier
            // files stand; a ClickHouse commit cut short may keep part of its months), and every
            // write Northstar makes is idempotent, so running the command again is safe.
            stderr.WriteLine($"error: {e.Message} The write under way was not completed; run the command again when the database is back (importing the same rows again is safe).");
            return 75;
        }
    }
}
