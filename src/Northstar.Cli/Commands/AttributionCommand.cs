using System.CommandLine;
using System.Globalization;
using Northstar.Cli.Output;
using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Reports;

namespace Northstar.Cli.Commands;

/// <summary>
/// <c>northstar attribution</c>: which channels (or campaigns) bring the conversions, under one
/// model or several side by side, from the store's journeys or from a path table; and the
/// <c>pipeline</c>, <c>influence</c> and <c>economics</c> reports. Usage errors exit with 2.
/// </summary>
internal static partial class AttributionCommand
{
    public static Command Create(CliContext context)
    {
        var o = new AttributionOptions();
        var command = new Command("attribution", "Credit conversions to channels or campaigns under a model (markov, shapley, first, last, linear, position, ...), or compare models side by side.")
        {
            o.Model, o.Order, o.NoNulls, o.Conversion, o.Period, o.Compare, o.By, o.Paths, o.WritePaths, o.Format,
        };
        command.SetAction(parse => parse.GetValue(o.Paths) is { } file ? FromPaths(context, parse, o, file) : FromStore(context, parse, o));
        command.Subcommands.Add(Pipeline(context));
        command.Subcommands.Add(Influence(context));
        command.Subcommands.Add(Economics(context));
        return command;
    }

    private static int FromStore(CliContext context, ParseResult parse, AttributionOptions o)
    {
        using var session = KpiCommandSession.Open(parse.GetValue(CommonOptions.Db)!, parse.GetValue(CommonOptions.Workspace)!, context);
        if (session is null)
        {
            return 1;
        }

        var config = AttributionCommandInput.Config(session);
        var models = AttributionCommandInput.Models(parse, o, config, context);
        var goal = AttributionCommandInput.Conversion(parse.GetValue(o.Conversion)!, context);
        var (ok, period) = AttributionCommandInput.Period(parse.GetValue(o.Period), session, context);
        if (models is null || goal is null || !ok)
        {
            return 2;
        }

        var set = AttributionCommandInput.Journeys(context, session, config, goal, period);
        var input = AttributionInput.FromJourneys(set.Journeys, set.UntouchedConversions, set.UntouchedValue);
        if (parse.GetValue(o.WritePaths) is { } target && !WritePaths(context, target, input))
        {
            return 1;
        }

        var scope = new AttributionScope("store", goal.ToString(), period is null ? null : $"{period.Label} ({period.Range})", config.LookbackDays);
        return Report(context, input, models, o.Dimension(parse), scope, parse.GetValue(o.Format)!);
    }

    private static int FromPaths(CliContext context, ParseResult parse, AttributionOptions o, string file)
    {
        foreach (var storeOnly in new Option[] { o.Period, o.Conversion })
        {
            if (parse.GetResult(storeOnly) is { Implicit: false })
            {
                context.Error.WriteLine($"error: {storeOnly.Name} applies to the store's journeys; a path table (--paths) has its conversions counted already.");
                return 2;
            }
        }

        var models = AttributionCommandInput.Models(parse, o, AttributionConfig.Default, context);
        if (models is null || AttributionCommandInput.ReadPaths(file, context) is not { } paths)
        {
            return 2;
        }

        var input = AttributionInput.FromPaths(paths);
        if (parse.GetValue(o.WritePaths) is { } target && !WritePaths(context, target, input))
        {
            return 1;
        }

        return Report(context, input, models, o.Dimension(parse), new AttributionScope(Path.GetFileName(file), null, null, null), parse.GetValue(o.Format)!);
    }

    private static int Report(CliContext context, AttributionInput input, IReadOnlyList<AttributionModel> models, AttributionDimension by, AttributionScope scope, string format)
    {
        foreach (var model in models)
        {
            if (CreditReport.Problem(input, model, by) is { } problem)
            {
                context.Error.WriteLine($"error: {problem}.");
                return 2;
            }
        }

        if (models.Count == 1)
        {
            AttributionWriter.Credits(context, scope, CreditReport.Compute(input, models[0], by), format);
        }
        else
        {
            AttributionWriter.Comparison(context, scope, ModelComparisonReport.Compare(input, models, by), format);
        }

        return 0;
    }

    private static bool WritePaths(CliContext context, string target, AttributionInput input)
    {
        var paths = input.Journeys is { } all ? PathTable.Aggregate(all) : input.Paths.ToPaths();
        try
        {
            using (var writer = new StreamWriter(target))
            {
                // Journeys' paths sorted by path text, as other tools list them; a path table's rows as read.
                PathTable.Write(writer, paths);
            }

            var journeys = paths.Sum(p => p.Conversions + p.Nulls);
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {paths.Count:N0} paths ({journeys:N0} journeys) to {target}."));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: --write-paths: cannot write '{target}': {e.Message}");
            return false;
        }
    }
}
