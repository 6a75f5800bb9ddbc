using System.CommandLine;
using Northstar.Cli.Output;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;
using Northstar.Core.Planning;

namespace Northstar.Cli.Commands;

/// <summary>
/// <c>northstar plan</c>: the reverse-funnel plan of a revenue goal, by quarter and month, with the
/// source of every rate, the forward run and the single rate improvements that close its gap.
/// Rates and deal size not typed in come from the store's history.
/// </summary>
internal static class PlanCommand
{
    private static readonly Option<decimal> Revenue = new("--revenue") { Description = "The new-revenue goal of the period, e.g. 10000000.", Required = true };
    private static readonly Option<decimal?> DealSizeOption = new("--deal-size") { Description = "Average new-customer revenue; from history (average_deal_size) when left out." };
    private static readonly Option<string?> RatesOption = new("--rates")
    {
        Description = "Five rates, sessions->leads, leads->MQLs, MQLs->SQLs, SQLs->opportunities, opportunities->customers: 1.5%,20%,20%,40%,50% (_ takes one from history; all from history when left out).",
    };

    private static readonly Option<string> PeriodOption = new("--period") { Description = "The plan's period: FY2026, 2026, 2026-H1, 2026-Q3, 2026-07.", DefaultValueFactory = _ => "this-year" };
    private static readonly Option<string> SplitOption = new("--split") { Description = "even (default) or seasonal (month weights from the look-back's sessions).", DefaultValueFactory = _ => "even" };
    private static readonly Option<string?> LookbackOption = new("--lookback") { Description = "History to read: 12m (default: the 12 full months before the plan), 6m, or a period such as 2025." };
    private static readonly Option<bool> ByChannelOption = new("--by-channel") { Description = "Also plan per channel (each channel's share of the goal and its own rates)." };
    private static readonly Option<double?> ForwardOption = new("--forward-sessions") { Description = "Planned sessions a month: run the funnel forwards and list the rate improvements that close the gap." };
    private static readonly Option<string> RateBasisOption = new("--rate-basis")
    {
        Description = "Historical rates as period ratios of the step counts (period, default) or cohort rates where the catalogue has them (cohort: leads->MQLs, MQLs->SQLs, SQLs->opportunities).",
        DefaultValueFactory = _ => "period",
    };

    private static readonly Option<string> FormatOption = new("--format") { Description = "table (default), json, md or html.", DefaultValueFactory = _ => "table" };
    private static readonly Option<bool> SaveOption = new("--save") { Description = "Keep the plan as the workspace's plan (replacing the one before): the quarterly report diagnoses against it." };

    public static Command Create(CliContext context)
    {
        SplitOption.AcceptOnlyFromAmong("even", "seasonal");
        FormatOption.AcceptOnlyFromAmong("table", "json", "md", "html");
        RateBasisOption.AcceptOnlyFromAmong("period", "cohort");
        var command = new Command("plan", "The reverse-funnel plan: from a revenue goal to the customers, opportunities, SQLs, MQLs, leads and sessions it needs, by quarter and month.")
        {
            Revenue, DealSizeOption, RatesOption, PeriodOption, SplitOption, LookbackOption, ByChannelOption, ForwardOption, RateBasisOption, FormatOption, SaveOption,
        };
        command.SetAction(parse => Run(parse, context));
        command.Subcommands.Add(PlanCommandSaved.Show(context));
        command.Subcommands.Add(PlanCommandSaved.Clear(context));
        return command;
    }

    private static int Run(ParseResult parse, CliContext context)
    {
        var rates = PlanInput.Rates(parse.GetValue(RatesOption), "--rates", out var ratesError);
        if (ratesError is not null)
        {
            return Fail(context, ratesError);
        }

        var request = Request(parse, rates);
        var db = parse.GetValue(CommonOptions.Db)!;

        // Typed-in rates and deal size need no store; an existing one still gives the fiscal calendar.
        var typedOnly = request.DealSize is not null && rates is not null && rates.All(r => r is not null)
            && request.Split == PlanSplitMode.Even && !request.ByChannel;
        var save = parse.GetValue(SaveOption);
        var open = !typedOnly || save || StoreAccess.Exists(db);
        using var session = open ? KpiCommandSession.Open(db, parse.GetValue(CommonOptions.Workspace)!, context) : null;
        if (open && session is null)
        {
            return 1;
        }

        var outcome = Plan(parse, request, session?.Engine, context);
        if (outcome is null)
        {
            return 2;
        }

        if (!outcome.IsSuccess)
        {
            foreach (var problem in outcome.Problems)
            {
                context.Error.WriteLine("error: " + problem.Message);
            }

            return 2;
        }

        if (save && !PlanCommandSaved.Save(session!, outcome.Plan, context, parse.GetValue(FormatOption) == "table"))
        {
            return 1;
        }

        Write(parse.GetValue(FormatOption), outcome.Plan, context);
        return 0;
    }

    private static PlanRequest Request(ParseResult parse, IReadOnlyList<double?>? rates) => new(parse.GetValue(Revenue))
    {
        DealSize = parse.GetValue(DealSizeOption),
        Rates = rates,
        Split = parse.GetValue(SplitOption) == "seasonal" ? PlanSplitMode.Seasonal : PlanSplitMode.Even,
        ByChannel = parse.GetValue(ByChannelOption),
        RateBasis = parse.GetValue(RateBasisOption) == "cohort" ? RateBasis.Cohort : RateBasis.PeriodRatio,
        ForwardSessionsPerMonth = parse.GetValue(ForwardOption),
    };

    /// <summary>The plan, or null with the reason printed when the period or look-back cannot be read.</summary>
    private static PlanOutcome? Plan(ParseResult parse, PlanRequest request, MetricsEngine? engine, CliContext context)
    {
        var calendar = engine?.Calendar ?? new FiscalCalendar();
        var today = engine?.Today ?? DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var periodText = parse.GetValue(PeriodOption);
        var parsed = PeriodParser.Parse(periodText, calendar, today);
        if (!parsed.IsSuccess)
        {
            Fail(context, $"bad --period '{periodText}': {parsed.Error.Reason}");
            return null;
        }

        var lookback = PlanInput.Lookback(parse.GetValue(LookbackOption), "--lookback", parsed.Period, calendar, today, out var lookbackError);
        if (lookbackError is not null)
        {
            Fail(context, lookbackError);
            return null;
        }

        if (engine is not null)
        {
            return Planner.Build(engine, parsed.Period, request with { Lookback = lookback });
        }

        var typed = FunnelRates.Typed(request.Rates![0]!.Value, request.Rates[1]!.Value, request.Rates[2]!.Value, request.Rates[3]!.Value, request.Rates[4]!.Value);
        return FunnelPlan.Create(parsed.Period, calendar, request.RevenueGoal, new DealSize(request.DealSize!.Value, PlanSource.Typed), typed, PlanSplit.Even, request.ForwardSessionsPerMonth);
    }

    internal static void Write(string? format, FunnelPlan plan, CliContext context)
    {
        switch (format)
        {
            case "json":
                PlanCommandJson.Write(context.Out, plan);
                break;
            case "md":
                SectionRender.Markdown(context.Out, PlanCommandSections.Build(plan));
                break;
            case "html":
                SectionHtml.Write(context.Out, $"Northstar plan {plan.Period.Label}", PlanCommandSections.Build(plan));
                break;
            default:
                SectionRender.Table(context.Console, PlanCommandSections.Build(plan));
                break;
        }
    }

    private static int Fail(CliContext context, string message)
    {
        context.Error.WriteLine("error: " + message);
        return 2;
    }
}
