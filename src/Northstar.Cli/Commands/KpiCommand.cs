using System.CommandLine;
using Northstar.Cli.Output;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Queries;

namespace Northstar.Cli.Commands;

/// <summary>
/// <c>northstar kpi &lt;id&gt;</c>: one KPI over a period, by bucket and group, with a comparison;
/// <c>kpi list</c>, <c>kpi define</c> and <c>kpi undefine</c> for the catalogue.
/// Usage errors (unknown KPI, bad period, unsupported dimension) exit with 2.
/// </summary>
internal static partial class KpiCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string?>("id") { Description = "The KPI id (northstar kpi list shows them).", Arity = ArgumentArity.ZeroOrOne };
        var period = new Option<string>("--period") { Description = "2025-Q3, 2025-07, FY2026-Q1, last-30-days, ... Default: last-quarter (the last complete quarter).", DefaultValueFactory = _ => KpiQueryInput.DefaultPeriod };
        var grain = new Option<Grain>("--grain") { Description = "Buckets inside the period: total, day, week, month (default), quarter, year.", DefaultValueFactory = _ => Grain.Month };
        var by = new Option<string?>("--by") { Description = "Break down by a dimension (channel, campaign, source, segment, ...)." };
        var filter = new Option<string[]>("--filter") { Description = "dimension=value; != excludes; a,b means any of. Repeatable: all must hold." };
        var compare = new Option<string>("--compare") { Description = "none, previous (default) or last-year.", DefaultValueFactory = _ => "previous" };
        compare.AcceptOnlyFromAmong([.. KpiQueryInput.CompareNames]);
        var format = new Option<ResultFormat>("--format") { Description = "table (default), json (the full result) or csv (one line per group and bucket).", DefaultValueFactory = _ => ResultFormat.Table };
        var command = new Command("kpi", "Show a KPI over a period, by month (or another grain), by a dimension, against the previous period.")
        {
            id, period, grain, by, filter, compare, format,
        };
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Define(context));
        command.Subcommands.Add(Undefine(context));
        command.SetAction(parse =>
        {
            if (parse.GetValue(id) is not { Length: > 0 } kpi)
            {
                context.Error.WriteLine("error: name a KPI: northstar kpi <id> --period 2025-Q3 (northstar kpi list shows the ids).");
                return 2;
            }

            using var session = KpiCommandSession.Open(parse.GetValue(CommonOptions.Db)!, parse.GetValue(CommonOptions.Workspace)!, context);
            if (session is null)
            {
                return 1;
            }

            var request = new KpiRequest(kpi, parse.GetValue(period), parse.GetValue(grain), parse.GetValue(by), parse.GetValue(filter) ?? [], parse.GetValue(compare));
            return Show(context, session.Engine, request, parse.GetValue(format));
        });
        return command;
    }

    private static int Show(CliContext context, MetricsEngine engine, KpiRequest request, ResultFormat format)
    {
        var query = Query(context, engine, request);
        if (query is null)
        {
            return 2;
        }

        KpiResult result;
        try
        {
            result = engine.Run(query);
        }
        catch (MetricQueryException e)
        {
            context.Error.WriteLine("error: " + e.Message);
            return 2;
        }

        switch (format)
        {
            case ResultFormat.Json:
                Json.Write(context.Out, result);
                break;
            case ResultFormat.Csv:
                KpiResultCsv.Write(context.Out, result);
                break;
            default:
                KpiResultTable.Write(context.Console, result);
                break;
        }

        return 0;
    }

    /// <summary>The query the options describe, or null with the error printed.</summary>
    private static MetricQuery? Query(CliContext context, MetricsEngine engine, KpiRequest request)
    {
        var input = new KpiQueryInput(request.Kpi)
        {
            Period = request.Period,
            Grain = request.Grain,
            By = request.By,
            Filters = request.Filters,
            Compare = request.Compare,
        };
        var (query, problem) = input.Read(engine);
        switch (problem)
        {
            case null:
                return query;
            case { Parameter: "period" }:
                KpiCommandInput.PrintPeriodProblem(context, problem);
                return null;
            case { Parameter: "filter" }:
                context.Error.WriteLine($"error: --filter {problem.Reason}.");
                return null;
            default:
                context.Error.WriteLine($"error: {problem.Reason}.");
                return null;
        }
    }

    /// <summary>What the command line asked for, before it is checked.</summary>
    private sealed record KpiRequest(string Kpi, string? Period, Grain Grain, string? By, IReadOnlyList<string> Filters, string? Compare);
}
