using System.CommandLine;
using Northstar.Cli.Output;
using Northstar.Core.Diagnostics;
using Northstar.Core.Goals;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;
using Northstar.Core.Planning;
using Northstar.Core.Reports;

namespace Northstar.Cli.Commands;

/// <summary>
/// <c>northstar report quarterly</c>: the report a marketing lead brings to the CEO: goals with
/// pacing and forecast, the funnel against plan with its bottleneck, next quarter's focus, alerts.
/// </summary>
internal static class ReportQuarterly
{
    private static readonly Option<string> FormatOption = new("--format") { Description = "table (default), json, md or html.", DefaultValueFactory = _ => "table" };

    public static Command Create(CliContext context)
    {
        var period = new Option<string>("--period") { Description = "A quarter: 2025-Q3, FY2026-Q1, this-quarter, last-quarter (default).", DefaultValueFactory = _ => KpiCommandInput.DefaultPeriod };
        var today = KpiCommandInput.TodayOption();
        var plan = new Option<string>("--plan")
        {
            Description = "saved (default): diagnose the funnel against the plan kept with 'northstar plan --save' when its period covers the quarter, else history; history: the four quarters before.",
            DefaultValueFactory = _ => "saved",
        };
        plan.AcceptOnlyFromAmong("saved", "history");
        FormatOption.AcceptOnlyFromAmong("table", "json", "md", "html");
        var command = new Command("quarterly", "The quarterly report: goals (pacing, forecast, probability), the funnel and its bottleneck, next quarter's focus, alerts.")
        {
            period, today, plan, FormatOption,
        };
        command.SetAction(parse => Run(
            context, parse.GetValue(CommonOptions.Db)!, parse.GetValue(CommonOptions.Workspace)!, parse.GetValue(period)!, parse.GetValue(today), parse.GetValue(plan) == "history", parse.GetValue(FormatOption)!));
        return command;
    }

    private static int Run(CliContext context, string db, string workspace, string periodText, string? todayText, bool historyOnly, string format)
    {
        using var session = KpiCommandSession.Open(db, workspace, context);
        if (session is null || session.RequireCustom(context) is not { } settings)
        {
            return 1;
        }

        var quarter = KpiCommandInput.Period(periodText, session.Engine, context);
        if (quarter is null || KpiCommandInput.Today(todayText, session, context) is not { } asOf)
        {
            return 2;
        }

        if (quarter.Kind is not (PeriodKind.Quarter or PeriodKind.FiscalQuarter))
        {
            context.Error.WriteLine($"error: the quarterly report covers a quarter; '{quarter.Label}' is a {quarter.Kind.ToString().ToLowerInvariant()} (try 2025-Q3 or last-quarter).");
            return 2;
        }

        var goals = session.Store is IGoalStore store ? store.ListGoals(session.Workspace) : [];
        var (plan, planNote) = historyOnly ? (null, "--plan history: the saved plan, if any, is not used.") : SavedPlan(session, settings, quarter);
        QuarterlyReport report;
        try
        {
            report = QuarterlyReportBuilder.Build(session.Engine, goals, PacingThresholds.Load(settings, session.Workspace), quarter, asOf, plan);
            report = planNote is null ? report : report with { Notes = [planNote, .. report.Notes] };
        }
        catch (ArgumentException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return 2;
        }

        Write(context, report, format);
        return 0;
    }

    private static void Write(CliContext context, QuarterlyReport report, string format)
    {
        switch (format)
        {
            case "json":
                Json.Write(context.Out, report);
                break;
            case "md":
                SectionRender.Markdown(context.Out, QuarterlyReportSections.Build(report));
                break;
            case "html":
                SectionHtml.Write(context.Out, $"Northstar quarterly report {report.Quarter.Label}", QuarterlyReportSections.Build(report), QuarterlyReportCharts.Build(report));
                break;
            default:
                SectionRender.Table(context.Console, QuarterlyReportSections.Build(report));
                break;
        }
    }

    /// <summary>The quarter's plan from the workspace's saved plan, or null with a note saying why history stands in (null when no plan was saved).</summary>
    private static (DiagnosisPlan? Plan, string? Note) SavedPlan(KpiCommandSession session, ICustomKpiStore store, Period quarter)
    {
        var saved = SavedPlans.Load(store, session.Workspace, out var error);
        if (saved is null)
        {
            return (null, error is null ? null : $"The saved plan is not used: {error} (northstar plan clear removes it).");
        }

        var outcome = saved.Rebuild(session.Engine.Calendar);
        if (!outcome.IsSuccess)
        {
            return (null, $"The saved {saved.Label} is not used: {string.Join(" ", outcome.Problems.Select(p => p.Message))}");
        }

        var plan = PlanDiagnosis.ForQuarter(outcome.Plan, quarter.Range, saved.Label);
        return plan is null
            ? (null, $"The saved {saved.Label} covers {saved.Range}, not all of {quarter.Label}, so history stands in.")
            : (plan, $"The funnel is held against the saved {saved.Label}.");
    }
}
