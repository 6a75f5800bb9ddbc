using System.CommandLine;
using System.Globalization;
using Northstar.Cli.Output;
using Northstar.Core.Import;
using Spectre.Console;

namespace Northstar.Cli.Commands;

/// <summary>
/// <c>northstar import &lt;kind&gt; &lt;file...&gt;</c>: CSV files into the store, one transaction
/// per file. Exit code 1 when any file was not committed.
/// </summary>
internal static class ImportCommand
{
    private const int ErrorsPrintedPerFile = 50;

    public static Command Create(CliContext context)
    {
        var kind = new Argument<string>("kind") { Description = $"What the files hold: {string.Join(", ", ImportFormats.Names)}." };
        kind.AcceptOnlyFromAmong([.. ImportFormats.Names]);
        var files = new Argument<FileInfo[]>("file") { Description = "CSV files (UTF-8, comma or semicolon, one header row).", Arity = ArgumentArity.OneOrMore };
        var skipBadRows = new Option<bool>("--skip-bad-rows") { Description = "Import the good rows and write the bad ones, with their reason, to a rejects file." };
        var rejects = new Option<string?>("--rejects") { Description = "Where rejected rows go (one input file only); default <file>.rejects.csv beside it." };
        var channel = new Option<string?>("--channel") { Description = "ad-costs: the channel of the spend (default paid_search for Google Ads, paid_social for LinkedIn)." };
        var timeZone = new Option<string?>("--time-zone") { Description = "IANA zone (e.g. Europe/Berlin) for timestamps written without an offset; default the workspace's (UTC)." };
        var format = CommonOptions.Format();
        var command = new Command("import", "Import CSV files in the canonical format (or a preset) into the store.")
        {
            kind, files, skipBadRows, rejects, channel, timeZone, format,
        };
        command.SetAction((parse, ct) =>
        {
            ImportFormats.TryParse(parse.GetValue(kind), out var importFormat);
            var paths = parse.GetValue(files)!;
            if (parse.GetValue(rejects) is not null && paths.Length > 1)
            {
                context.Error.WriteLine("error: --rejects names one file; with several inputs each gets <file>.rejects.csv.");
                return Task.FromResult(2);
            }

            var options = new ImportOptions
            {
                SkipBadRows = parse.GetValue(skipBadRows),
                RejectsPath = parse.GetValue(rejects),
                Channel = parse.GetValue(channel),
                TimeZone = parse.GetValue(timeZone),
            };
            return Task.FromResult(Run(context, parse.GetValue(CommonOptions.Db)!, parse.GetValue(CommonOptions.Workspace)!, importFormat, paths, options, parse.GetValue(format), ct));
        });
        return command;
    }

    private static int Run(CliContext context, string db, string workspaceName, ImportFormat importFormat, FileInfo[] paths, ImportOptions options, OutputFormat format, CancellationToken ct)
    {
        using var store = StoreAccess.Open(db);
        var workspace = store.GetOrCreateWorkspace(workspaceName);
        var importer = new CsvImporter(store);
        var results = new List<ImportResult>();
        foreach (var file in paths)
        {
            var started = TimeProvider.System.GetUtcNow();
            var result = ProgressDisplay.Run<ImportProgress, ImportResult>(
                context,
                progress => importer.Import(workspace, importFormat, file.FullName, options, progress, ct),
                p => p.Fraction,
                p => string.Create(CultureInfo.InvariantCulture, $"{file.Name}: {p.RowsRead:N0} rows"));
            // The import log (the dashboard's Data page) lists the CLI's imports beside the uploads.
            (store as IImportLog)?.RecordImport(workspace, ImportLogEntry.From(result, file.Name, Environment.UserName, started, TimeProvider.System.GetUtcNow()));
            PrintErrors(context, result);
            results.Add(result);
        }

        PrintResults(context, results, format);
        return results.All(r => r.Committed) ? 0 : 1;
    }

    private static void PrintErrors(CliContext context, ImportResult result)
    {
        foreach (var error in result.Errors.Take(ErrorsPrintedPerFile))
        {
            context.Error.WriteLine(error.ToString());
        }

        if (result.ErrorCount > ErrorsPrintedPerFile)
        {
            context.Error.WriteLine($"{Path.GetFileName(result.File)}: ... and {result.ErrorCount - ErrorsPrintedPerFile:N0} more errors{(result.RejectsPath is null ? "" : $" (all of them in {result.RejectsPath})")}.");
        }

        if (!result.Committed)
        {
            context.Error.WriteLine($"{Path.GetFileName(result.File)}: nothing imported ({result.ErrorCount:N0} error(s)); fix the file or use --skip-bad-rows.");
        }
    }

    private static void PrintResults(CliContext context, List<ImportResult> results, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            Json.Write(context.Out, results.Select(r => new
            {
                r.File,
                Format = ImportFormats.Name(r.Format),
                r.RowsRead,
                r.RowsStored,
                r.RowsRejected,
                r.ErrorCount,
                r.Committed,
                r.RejectsPath,
                Errors = r.Errors.Select(e => new { e.File, e.Line, e.Column, e.Reason }),
            }));
            return;
        }

        var table = new Table().AddColumn("file").AddColumn("format")
            .AddColumn(new TableColumn("rows read").RightAligned()).AddColumn(new TableColumn("stored").RightAligned())
            .AddColumn(new TableColumn("rejected").RightAligned()).AddColumn("result");
        foreach (var r in results)
        {
            var outcome = r.Succeeded ? "imported" : r.Committed ? $"imported, rejects in {r.RejectsPath}" : "nothing imported";
            table.AddRow(
                Markup.Escape(Path.GetFileName(r.File)), ImportFormats.Name(r.Format),
                N(r.RowsRead), N(r.RowsStored), N(r.RowsRejected), Markup.Escape(outcome));
        }

        context.Console.Write(table);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
