using System.CommandLine;
using Northstar.Cli.Output;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Cli.Commands;

/// <summary><c>northstar report review</c>: the quarterly high-level review of the headline KPIs.</summary>
internal static class ReportCommand
{
    /// <summary>The headline KPIs of the review, in the order it shows them: the funnel, then money.</summary>
    public static IReadOnlyList<string> HeadlineKpis { get; } =
    [
        "sessions", "leads", "mqls", "sqls", "opportunities", "customers",
        "revenue_new", "pipeline_created", "spend", "cac", "roi", "ltv_to_cac",
    ];

    public static Command Create(CliContext context)
    {
        var command = new Command("report", "Standard reports over the workspace's KPIs.");
        command.Subcommands.Add(Review(context));
        command.Subcommands.Add(ReportQuarterly.Create(context));
        return command;
    }

    private static Command Review(CliContext context)
    {
        var period = new Option<string>("--period") { Description = "A quarter: 2025-Q3, FY2026-Q1, this-quarter, last-quarter (default).", DefaultValueFactory = _ => KpiCommandInput.DefaultPeriod };
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

            if (quarter.Kind is not (PeriodKind.Quarter or PeriodKind.FiscalQuarter))
            {
                context.Error.WriteLine($"error: the review covers a quarter; '{quarter.Label}' is a {quarter.Kind.ToString().ToLowerInvariant()} (try 2025-Q3 or last-quarter).");
                return 2;
            }

            var built = Build(session.Engine, quarter);
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

    /// <summary>Runs the headline KPIs on one engine (so the store is read once) for the quarter by month.</summary>
    internal static QuarterlyReview Build(MetricsEngine engine, Period quarter)
    {
        var previous = Comparisons.RangeFor(quarter, Comparison.PreviousPeriod, engine.Calendar)!;
        var results = HeadlineKpis
            .Select(id => engine.Run(new MetricQuery(id, quarter.Range, Grain.Month)
            {
                Label = quarter.Label,
                CompareWith = previous.Range,
                CompareLabel = previous.Label,
            }))
            .ToList();
        var rows = results
            .Select(r => new QuarterlyReviewRow(r.Kpi.Id, r.Kpi.Name, r.Kpi.Unit, r.Rows[0].Values, r.Rows[0].Total, r.Rows[0].Change))
            .ToList();
        var notes = results.SelectMany(r => r.Notes).Distinct(StringComparer.Ordinal).ToList();
        return new QuarterlyReview(quarter.Label, previous.Label, results[0].Columns, rows, notes);
    }
}
