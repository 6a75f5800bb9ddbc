using System.CommandLine;
using Northstar.Cli.Output;
using Northstar.Core.Goals;
using Northstar.Core.Metrics.Queries;
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
        var period = new Option<string>("--period") { Description = "A quarter: 2025-Q3, FY2026-Q1, this-quarter, last-quarter (default).", DefaultValueFactory = _ => KpiQueryInput.DefaultPeriod };
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

        if (QuarterlyReviewBuilder.Problem(quarter) is { } problem)
        {
            context.Error.WriteLine($"error: the quarterly report covers a quarter; {problem}.");
            return 2;
        }

        QuarterlyReport report;
        try
        {
            report = QuarterlyReports.Build(session.Engine, settings, session.Store as IGoalStore, session.Workspace, quarter, asOf, historyOnly);
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
}
