using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Northstar.Cli.Output;
using Northstar.Core.Facts;
using Northstar.Core.Simulation;
using Northstar.Core.Storage;
using Spectre.Console;

namespace Northstar.Cli.Commands;

/// <summary>
/// <c>northstar demo</c>: simulates the demo company into the store (or canonical CSV files),
/// writes its ground truth beside the data and prints a first summary.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var seed = new Option<long>("--seed") { Description = "Random seed: the same seed gives the same company.", DefaultValueFactory = _ => 42 };
        var contacts = new Option<int>("--contacts") { Description = "About how many known contacts to simulate (traffic scales with it).", DefaultValueFactory = _ => 5_000 };
        var years = new Option<int>("--years") { Description = "Years to simulate.", DefaultValueFactory = _ => 2 };
        var start = new Option<string>("--start") { Description = "First simulated day (yyyy-MM-dd).", DefaultValueFactory = _ => "2025-01-01" };
        var csv = new Option<string?>("--csv") { Description = "Write canonical CSV files into this directory instead of the store." };
        var replace = new Option<bool>("--replace") { Description = "Delete the workspace's facts first when it already holds some." };
        var breaks = new Option<string[]>("--break")
        {
            Description = "Break a funnel stage from a day on: STAGE=MULTIPLIER@yyyy-MM-dd[:channel], e.g. mql_to_sql=0.5@2025-07-01 "
                + "(stages: session_to_lead, lead_to_mql, mql_to_sql, sql_to_opportunity, opportunity_to_customer, or a simulator stage). Repeatable.",
        };
        var traffic = new Option<string[]>("--traffic")
        {
            Description = "Change first-touch traffic (spend unchanged): MULTIPLIER@yyyy-MM-dd[..yyyy-MM-dd][:channel], e.g. 0.5@2025-07-01. Repeatable.",
        };
        var assists = new Option<bool>("--assists")
        {
            Description = "The assists variant: return visits and nurture email clicks help qualify leads (MQL), each channel with its own "
                + "chance; the ground truth states each channel's true effect on MQLs and customers.",
        };
        var format = CommonOptions.Format();
        var port = ServeCommand.PortOption();
        var noServe = new Option<bool>("--no-serve") { Description = "Only build the data; do not serve the dashboard afterwards." };
        var command = new Command(
            "demo", "Simulate the demo company (a B2B SaaS business with a known ground truth), summarise it, and serve its dashboard.")
        {
            seed, contacts, years, start, csv, replace, breaks, traffic, assists, format, port, noServe,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(start), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                context.Error.WriteLine($"error: --start '{parse.GetValue(start)}' is not a date (yyyy-MM-dd).");
                return 2;
            }

            if (!DemoShocks.TryRead(parse.GetValue(breaks) ?? [], parse.GetValue(traffic) ?? [], out var stageShocks, out var trafficShocks, out var error))
            {
                context.Error.WriteLine($"error: {error}");
                return 2;
            }

            var options = new SimulationOptions
            {
                Seed = parse.GetValue(seed), Contacts = parse.GetValue(contacts), Years = parse.GetValue(years), Start = first,
                StageShocks = stageShocks, TrafficShocks = trafficShocks, AssistEffects = parse.GetValue(assists),
            };
            var db = parse.GetValue(CommonOptions.Db)!;
            var workspace = parse.GetValue(CommonOptions.Workspace)!;
            var toCsv = parse.GetValue(csv) is not null;
            var target = toCsv ? DemoTarget.Csv(parse.GetValue(csv)!) : DemoTarget.Store(db, workspace);
            var code = Run(context, options, target, parse.GetValue(replace), parse.GetValue(format), ct);
            if (code != 0 || toCsv || parse.GetValue(noServe))
            {
                return code;
            }

            // The demo ends where users live: the dashboard of the company just simulated.
            return await ServeCommand.RunAsync(context, db, "127.0.0.1", parse.GetValue(port), app => ServerLogins.DemoAdmin(app, workspace), ct)
                .ConfigureAwait(false);
        });
        return command;
    }

    private static int Run(CliContext context, SimulationOptions options, DemoTarget target, bool replace, OutputFormat format, CancellationToken ct)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return 2;
        }

        using var opened = target.Open(context, replace);
        if (opened is null)
        {
            return 1;
        }

        var tally = new FunnelTally(opened.Sink);
        var clock = Stopwatch.StartNew();
        var lastTenth = -1;
        var result = ProgressDisplay.Run<SimulationProgress, SimulationResult>(
            context,
            progress => DemoCompany.Run(options, tally, progress, ct),
            p => (double)p.DaysDone / p.TotalDays,
            p => string.Create(CultureInfo.InvariantCulture, $"demo: day {p.DaysDone:N0} of {p.TotalDays:N0}, {p.Events:N0} events"),
            p =>
            {
                // A plain line per tenth of the run, not one per simulated day.
                var tenth = p.DaysDone * 10 / p.TotalDays;
                var changed = tenth != lastTenth;
                lastTenth = tenth;
                return changed;
            });
        var truthPath = target.SaveTruth(result.Truth);
        opened.SetBrand(DemoCompany.Brand);
        var summary = opened.Summarize();
        Print(context, format, target, result, tally, summary, truthPath, clock.Elapsed);
        return 0;
    }

    private static void Print(CliContext context, OutputFormat format, DemoTarget target, SimulationResult result, FunnelTally tally, FactSummary? summary, string truthPath, TimeSpan elapsed)
    {
        var stages = Enum.GetValues<Stage>();
        if (format == OutputFormat.Json)
        {
            var counts = result.Counts.OrderBy(c => c.Key).ToDictionary(c => SnakeCaseNames<FactKind>.Name(c.Key), c => c.Value);
            var byQuarter = tally.ByQuarter.ToDictionary(
                q => q.Key, q => stages.ToDictionary(s => SnakeCaseNames<Stage>.Name(s), s => q.Value[(int)s]));

            // The default demo's output stays as it was; the assists variant adds its true effects.
            object body = result.Truth.Assists is { } variant
                ? new { Target = target.Description, GroundTruth = truthPath, Facts = counts, FunnelByQuarter = byQuarter, TrueChannelEffects = variant.Effects }
                : new { Target = target.Description, GroundTruth = truthPath, Facts = counts, FunnelByQuarter = byQuarter };
            Json.Write(context.Out, body);
            return;
        }

        var facts = new Table().Title("Facts written").AddColumn("kind").AddColumn(new TableColumn("count").RightAligned());
        foreach (var (kind, count) in result.Counts.OrderBy(c => c.Key))
        {
            facts.AddRow(SnakeCaseNames<FactKind>.Name(kind), count.ToString("N0", CultureInfo.InvariantCulture));
        }

        var funnel = new Table().Title("Contacts entering each stage, per quarter").AddColumn("quarter");
        foreach (var stage in stages)
        {
            funnel.AddColumn(new TableColumn(ShortName(stage)).RightAligned());
        }

        foreach (var (quarter, counts) in tally.ByQuarter)
        {
            funnel.AddRow([quarter, .. stages.Select(s => counts[(int)s].ToString("N0", CultureInfo.InvariantCulture))]);
        }

        context.Console.Write(facts);
        context.Console.Write(funnel);
        context.Console.MarkupLine("[grey]opp = opportunity, prop = proposal, cust = customer[/]");
        if (result.Truth.Assists is { } assists)
        {
            context.Console.Write(EffectsTable(assists));
        }

        context.Console.MarkupLineInterpolated($"Simulated in {elapsed.TotalSeconds:F1} s into {target.Description}; ground truth in {truthPath}.");
        if (summary is not null)
        {
            context.Console.MarkupLine("Next: [bold]northstar facts[/] shows what the store holds.");
        }
    }

    private static Table EffectsTable(AssistTruth assists)
    {
        var table = new Table().Title("True channel effects (assists variant): conversions lost without the channel")
            .AddColumn("channel").AddColumn(new TableColumn("mqls").RightAligned()).AddColumn(new TableColumn("of which first touch").RightAligned())
            .AddColumn(new TableColumn("customers").RightAligned()).AddColumn(new TableColumn("qualify chance").RightAligned());
        foreach (var effect in assists.Effects.OrderByDescending(e => e.Mqls))
        {
            table.AddRow(
                effect.Channel, effect.Mqls.ToString("N1", CultureInfo.InvariantCulture), effect.FirstTouchMqls.ToString("N1", CultureInfo.InvariantCulture),
                effect.Customers.ToString("N1", CultureInfo.InvariantCulture),
                assists.QualifyChance.TryGetValue(effect.Channel, out var chance) ? chance.ToString("P0", CultureInfo.InvariantCulture) : "-");
        }

        return table;
    }

    // Short enough that the nine stages fit an 80-column terminal.
    private static string ShortName(Stage stage) => stage switch
    {
        Stage.Opportunity => "opp",
        Stage.Proposal => "prop",
        Stage.Customer => "cust",
        _ => SnakeCaseNames<Stage>.Name(stage),
    };
}
