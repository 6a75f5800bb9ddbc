using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Northstar.Cli.Output;
using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Attribution.Reports;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Cli.Commands;

/// <summary>Reads what an attribution command line asks for; each problem is printed as an <c>error:</c> line naming the input.</summary>
internal static class AttributionCommandInput
{
    private const int PathErrorsPrinted = 20;

    /// <summary>The workspace's attribution settings (the defaults when the store keeps none).</summary>
    public static AttributionConfig Config(KpiCommandSession? session) =>
        session?.Custom is { } custom ? AttributionSettings.Load(custom, session.Workspace) : AttributionConfig.Default;

    /// <summary>The models of --compare, or the one of --model; null with the error printed.</summary>
    public static IReadOnlyList<AttributionModel>? Models(ParseResult parse, AttributionOptions options, AttributionConfig config, CliContext context)
    {
        if (parse.GetValue(options.Compare) is not { } list)
        {
            return Model(parse, options, config, context) is { } single ? [single] : null;
        }

        if (parse.GetResult(options.Model) is { Implicit: false })
        {
            context.Error.WriteLine("error: --model and --compare: give one model or a list to compare, not both.");
            return null;
        }

        var names = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            context.Error.WriteLine("error: --compare: name the models, e.g. first,last,linear,position,markov,shapley.");
            return null;
        }

        if (Template(parse, options, config, context) is not { } template)
        {
            return null;
        }

        var models = new List<AttributionModel>();
        foreach (var name in names)
        {
            if (Parse(name, "--compare", template, context) is not { } model)
            {
                return null;
            }

            models.Add(model);
        }

        return models;
    }

    /// <summary>The model of --model with --order and --no-nulls; null with the error printed.</summary>
    public static AttributionModel? Model(ParseResult parse, AttributionOptions options, AttributionConfig config, CliContext context) =>
        Template(parse, options, config, context) is { } template ? Parse(parse.GetValue(options.Model)!, "--model", template, context) : null;

    /// <summary>The conversion goal; null with the error printed.</summary>
    public static ConversionGoal? Conversion(string text, CliContext context)
    {
        if (ConversionGoal.TryParse(text, out var goal, out var error))
        {
            return goal;
        }

        context.Error.WriteLine($"error: --conversion: {error}.");
        return null;
    }

    /// <summary>The period (null text: all time, Ok with a null period); not Ok when it does not parse (error printed).</summary>
    public static (bool Ok, Period? Period) Period(string? text, KpiCommandSession session, CliContext context)
    {
        if (text is null)
        {
            return (true, null);
        }

        var period = KpiCommandInput.Period(text, session.Engine, context);
        return (period is not null, period);
    }

    /// <summary>The store's journeys to the goal in the period, with progress on stderr.</summary>
    public static JourneySet Journeys(CliContext context, KpiCommandSession session, AttributionConfig config, ConversionGoal goal, Period? period) =>
        Journeys(context, session, config, [goal], period)[0];

    /// <summary>
    /// The store's journeys to each goal in the period (one per goal, in order), from one read of
    /// the touch events, with progress on stderr.
    /// </summary>
    public static IReadOnlyList<JourneySet> Journeys(CliContext context, KpiCommandSession session, AttributionConfig config, IReadOnlyList<ConversionGoal> goals, Period? period)
    {
        var options = goals.Select(g => config.Journeys(g, period?.Range)).ToList();
        var named = string.Join(" and ", goals);
        var started = Stopwatch.GetTimestamp();
        return ProgressDisplay.Run<(string Text, double Done), IReadOnlyList<JourneySet>>(
            context,
            progress =>
            {
                progress.Report(($"Building journeys to {named} ({period?.Label ?? "all time"}, {config.LookbackDays}-day look-back)", 0));
                var sets = JourneyBuilder.Build(session.Store, session.Workspace, options);
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                var counts = string.Join(" and ", sets.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"{s.Journeys.Count:N0} journeys to {goals[i]}")));
                progress.Report((string.Create(CultureInfo.InvariantCulture, $"{counts} in {seconds:0.0} s"), 1));
                return sets;
            },
            p => p.Done,
            p => p.Text);
    }

    /// <summary>A path table's columns (the models' fast input); null with every problem (up to 20) printed when the file is missing or has bad rows.</summary>
    public static PathTableColumns? ReadPaths(string file, CliContext context)
    {
        if (!File.Exists(file))
        {
            context.Error.WriteLine($"error: --paths: no file at '{file}'.");
            return null;
        }

        var read = PathTable.ReadColumns(file);
        if (read.Errors.Count == 0)
        {
            return read.Paths;
        }

        foreach (var e in read.Errors.Take(PathErrorsPrinted))
        {
            var where = e.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $" line {e.Line}") : "";
            var column = e.Column is null ? "" : $", column {e.Column}";
            context.Error.WriteLine($"error: {e.File}{where}{column}: {e.Reason}.");
        }

        if (read.Errors.Count > PathErrorsPrinted)
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: ... and {read.Errors.Count - PathErrorsPrinted} more problems in {Path.GetFileName(file)}."));
        }

        return null;
    }

    private static AttributionModel? Template(ParseResult parse, AttributionOptions options, AttributionConfig config, CliContext context)
    {
        var order = parse.GetValue(options.Order);
        if (order is < 1 or > AttributionModel.MaxOrder)
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: --order {order}: the Markov order is 1 to {AttributionModel.MaxOrder}."));
            return null;
        }

        return config.Model(AttributionModelKind.Markov) with { Order = order, IncludeNulls = !parse.GetValue(options.NoNulls) };
    }

    private static AttributionModel? Parse(string name, string option, AttributionModel template, CliContext context)
    {
        if (AttributionModel.TryParse(name, template, out var model, out var error))
        {
            return model;
        }

        context.Error.WriteLine($"error: {option}: {error}.");
        return null;
    }
}
