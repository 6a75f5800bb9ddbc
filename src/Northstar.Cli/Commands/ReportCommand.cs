using System.CommandLine;
using Northstar.Cli.Output;
using Northstar.Core.Metrics.Queries;
using Northstar.Core.Reports;

namespace Northstar.Cli.Commands;

/// <summary><c>northstar report review</c>: the quarterly high-level review of the headline KPIs.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("report", "Standard reports over the workspace's KPIs.");
        command.Subcommands.Add(Review(context));
        command.Subcommands.Add(ReportQuarterly.Create(context));
        return command;
    }

    private static Command Review(CliContext context)
    {
        var period = new Option<string>("--period") { Description = "A quarter: 2025-Q3, FY2026-Q1, this-quarter, last-quarter (default).", DefaultValueFactory = _ => KpiQueryInput.DefaultPeriod };
        var format = CommonOptions.Format();
        var review = new Command("review", "The quarterly high-level review: headline KPIs by month, against the previous quarter.") { period, format };
        review.SetAction(parse =>
        {
            using var session = KpiCommandSession.Open(parse.GetValue(CommonOptions.Db)!, parse.GetValue(CommonOptions.Workspace)!, context);
            if (session is null)
            {
                return 1;
            }

            var quarter = KpiCommandInput.Period(parse.GetValue(period), session.Engine, context);
            if (quarter is null)
            {
                return 2;
            }

            if (QuarterlyReviewBuilder.Problem(quarter) is { } problem)
            {
                context.Error.WriteLine($"error: the review covers a quarter; {problem}.");
                return 2;
            }

            var built = QuarterlyReviewBuilder.Build(session.Engine, quarter);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Json.Write(context.Out, built);
            }
            else
            {
                QuarterlyReviewTable.Write(context.Console, built);
            }

            return 0;
        });
        return review;
    }
}
