using System.CommandLine;
using System.Globalization;
using Northstar.Cli.Output;
using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Spectre.Console;

namespace Northstar.Cli.Commands;

/// <summary><c>northstar facts</c>: what the workspace holds, per kind: count and time range.</summary>
internal static class FactsCommand
{
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("facts", "Counts and date ranges of the stored facts, per kind.") { format };
        command.SetAction(parse =>
        {
            var db = parse.GetValue(CommonOptions.Db)!;
            if (!StoreAccess.Exists(db))
            {
                context.Error.WriteLine($"error: no database at '{db}'. Run 'northstar demo' or 'northstar import' first.");
                return 1;
            }

            using var store = StoreAccess.Open(db);
            var workspace = StoreAccess.Existing(store, parse.GetValue(CommonOptions.Workspace)!, context);
            if (workspace is null)
            {
                return 1;
            }

            Print(context, workspace.Name, store.Summarize(workspace), parse.GetValue(format));
            return 0;
        });
        return command;
    }

    internal static void Print(CliContext context, string workspace, FactSummary summary, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            Json.Write(context.Out, new
            {
                Workspace = workspace,
                Kinds = summary.Kinds.Select(k => new { Kind = SnakeCaseNames<FactKind>.Name(k.Kind), k.Count, k.First, k.Last }),
            });
            return;
        }

        var table = new Table().Title($"Facts in workspace '{Markup.Escape(workspace)}'");
        table.AddColumn("kind").AddColumn(new TableColumn("count").RightAligned()).AddColumn("first").AddColumn("last");
        foreach (var kind in summary.Kinds)
        {
            table.AddRow(
                SnakeCaseNames<FactKind>.Name(kind.Kind),
                kind.Count.ToString("N0", CultureInfo.InvariantCulture),
                Day(kind.First),
                Day(kind.Last));
        }

        context.Console.Write(table);
    }

    private static string Day(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
}
