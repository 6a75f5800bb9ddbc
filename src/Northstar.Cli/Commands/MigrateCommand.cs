using System.CommandLine;
using System.Globalization;
using Northstar.Cli.Output;
using Northstar.Core.Storage;
using Northstar.Storage;
using Spectre.Console;

namespace Northstar.Cli.Commands;

/// <summary>
/// <c>northstar migrate --from LOCATION --to LOCATION</c>: copies workspaces between backends
/// (SQLite, PostgreSQL, ClickHouse) with progress, then checks that the target holds as many facts
/// of each kind as the source.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from")
        {
            Description = "The store to copy from: a SQLite file, postgres:CONNECTION-STRING or clickhouse:CONNECTION-STRING.",
            Required = true,
        };
        var to = new Option<string>("--to") { Description = "The store to copy into (same forms as --from).", Required = true };
        var all = new Option<bool>("--all-workspaces") { Description = "Copy every workspace of the source (default: the one --workspace names)." };
        var replace = new Option<bool>("--replace") { Description = "Clear a target workspace that already holds facts before copying into it." };
        var format = CommonOptions.Format();
        var command = new Command("migrate", "Copy workspaces from one backend to another, with progress, and verify the counts.") { from, to, all, replace, format };
        command.SetAction((parse, ct) => Task.FromResult(Run(
            context, parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(all) ? null : parse.GetValue(CommonOptions.Workspace)!,
            parse.GetValue(replace), parse.GetValue(format), ct)));
        return command;
    }

    private static int Run(CliContext context, string fromText, string toText, string? workspaceName, bool replace, OutputFormat format, CancellationToken ct)
    {
        var fromLocation = StoreLocation.Parse(fromText);
        var toLocation = StoreLocation.Parse(toText);
        // Compared by identity, not text: with --replace, one database spelt two ways would be
        // cleared and then copied from its now empty self.
        if (fromLocation.IsSameStore(toLocation))
        {
            context.Error.WriteLine("error: --from and --to name the same store.");
            return 2;
        }

        if (!StoreAccess.Exists(fromText))
        {
            context.Error.WriteLine($"error: no database at '{fromLocation}'.");
            return 1;
        }

        using var source = fromLocation.Open();
        var workspaces = workspaceName is null
            ? source.ListWorkspaces()
            : StoreAccess.Existing(source, workspaceName, context) is { } one ? [one] : [];
        if (workspaces.Count == 0)
        {
            if (workspaceName is null)
            {
                context.Error.WriteLine($"error: {fromLocation} holds no workspace; nothing to copy.");
            }

            return 1;
        }

        // Opened only now: a refused copy leaves no empty target file (or schema) behind.
        using var target = toLocation.Open();
        var results = new List<WorkspaceCopyResult>();
        foreach (var workspace in workspaces)
        {
            try
            {
                results.Add(ProgressDisplay.Run<CopyProgress, WorkspaceCopyResult>(
                    context,
                    progress => WorkspaceCopy.Copy(source, target, workspace, replace, progress, ct),
                    p => p.Fraction,
                    p => string.Create(CultureInfo.InvariantCulture, $"{p.Workspace}: {p.Kind.ToString().ToLowerInvariant()}, {p.Copied:N0} of {p.Total:N0} facts")));
            }
            catch (InvalidOperationException e)
            {
                context.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
            catch (StoreTransientException e)
            {
                // Not the general "nothing was kept": the records follow the facts' commit, and a
                // ClickHouse commit moves one month at a time, so the target may hold part of the copy.
                context.Error.WriteLine(
                    $"error: {e.Message} The copy of workspace '{workspace.Name}' stopped part-way; the target may hold part of it. " +
                    "Run migrate again with --replace when the database is back.");
                return 75;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A server error mid-copy (a ClickHouse query over its memory limit, say) is not
                // ours to explain, but the state it leaves is: say it before the error itself.
                context.Error.WriteLine(
                    $"error: the copy of workspace '{workspace.Name}' failed part-way; the target may hold part of it (run migrate again with --replace).");
                throw;
            }
        }

        Print(context, fromLocation, toLocation, results, format);
        foreach (var name in results.SelectMany(r => r.KeptTargetPasswords).Distinct(StringComparer.Ordinal))
        {
            context.Error.WriteLine($"warning: user '{name}' already exists in the target with another password: they got their role and keep the target's password.");
        }

        var bad = results.Where(r => r.Mismatches.Count > 0).ToList();
        foreach (var result in bad)
        {
            context.Error.WriteLine($"error: workspace '{result.Workspace}': the target's counts differ from the source's for {string.Join(", ", result.Mismatches)}.");
        }

        return bad.Count == 0 ? 0 : 1;
    }

    private static void Print(CliContext context, StoreLocation from, StoreLocation to, List<WorkspaceCopyResult> results, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            Json.Write(context.Out, results.Select(r => new
            {
                r.Workspace,
                From = from.ToString(),
                To = to.ToString(),
                Verified = r.Mismatches.Count == 0,
                Kinds = r.Source.Kinds.Zip(r.Target.Kinds).Select(p => new { Kind = p.First.Kind.ToString().ToLowerInvariant(), Source = p.First.Count, Target = p.Second.Count }),
                r.Records,
                r.KeptTargetPasswords,
            }));
            return;
        }

        foreach (var result in results)
        {
            var table = new Table().AddColumns("kind", "source", "target", "");
            foreach (var (source, target) in result.Source.Kinds.Zip(result.Target.Kinds))
            {
                table.AddRow(
                    source.Kind.ToString().ToLowerInvariant(),
                    source.Count.ToString("N0", CultureInfo.InvariantCulture),
                    target.Count.ToString("N0", CultureInfo.InvariantCulture),
                    source.Count == target.Count ? "ok" : "DIFFERS");
            }

            context.Console.WriteLine($"Workspace '{result.Workspace}': {from} -> {to}");
            context.Console.Write(table);
            context.Console.WriteLine(string.Join(", ", result.Records.Select(r => $"{r.Value} {r.Key.Replace('_', ' ')}")) + " copied; API tokens are not copied (mint new ones).");
        }
    }
}
