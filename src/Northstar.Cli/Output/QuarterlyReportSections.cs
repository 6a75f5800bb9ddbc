using System.Globalization;
using Northstar.Cli.Commands;
using Northstar.Core.Alerts;
using Northstar.Core.Goals;
using Northstar.Core.Reports;

namespace Northstar.Cli.Output;

/// <summary>The quarterly report as titled sections of lines and tables, which the table, Markdown and HTML writers all print.</summary>
internal static class QuarterlyReportSections
{
    public static IReadOnlyList<ReportSection> Build(QuarterlyReport report) =>
        [Summary(report), Goals(report), Funnel(report), Focus(report), Alerts(report)];

    private static ReportSection Summary(QuarterlyReport report)
    {
        var lines = new List<string>
        {
            $"{report.Quarter.Label}: {report.Quarter.Range}, as of {report.AsOf:yyyy-MM-dd} (the days before it count).",
        };
        var goals = report.Goals.Where(g => g.Depth == 0).ToList();
        if (goals.Count > 0)
        {
            var onTrack = goals.Count(g => g.Pacing.Status == PacingStatus.OnTrack);
            lines.Add($"Goals: {onTrack} of {goals.Count} on track.");
        }

        if (report.Funnel?.Bottleneck is { } bottleneck)
        {
            lines.Add($"Bottleneck: {bottleneck.Label}. {bottleneck.Why}");
        }

        lines.AddRange(report.Notes);
        return new ReportSection($"Quarterly report {report.Quarter.Label}", lines, [], []);
    }

    private static ReportSection Goals(QuarterlyReport report)
    {
        if (report.Goals.Count == 0)
        {
            return new ReportSection("Goals", ["No goal covers this quarter: northstar goal set leads-2026 --kpi leads --target 1200 --period 2026"], [], []);
        }

        var rows = report.Goals.Select(GoalRow).ToList();
        var lines = report.Goals
            .Select(g => (g.Pacing.Goal.Id, Text: g.Forecast?.Method ?? g.ForecastProblem))
            .Where(x => x.Text is not null)
            .Select(x => $"{x.Id}: {x.Text}")
            .ToList();
        return new ReportSection(
            "Goals",
            lines,
            ["Goal", "KPI", "Period", "Target", "Actual to date", "Target to date", "Pacing", "Forecast", "80% interval", "P(target)", "Owner"],
            rows);
    }

    private static IReadOnlyList<string> GoalRow(GoalLine line)
    {
        var p = line.Pacing;
        var unit = p.Kpi.Unit;
        var f = line.Forecast;
        return
        [
            new string(' ', 2 * line.Depth) + p.Goal.Id,
            p.Kpi.Id,
            p.Period.Label,
            ValueFormat.Value(p.Goal.Target, unit),
            ValueFormat.Value(p.Actual, unit),
            ValueFormat.Value(p.TargetToDate, unit),
            PacingText.Of(p.Status),
            f is null ? "-" : ValueFormat.Value(f.Expected, unit),
            f is null ? "-" : $"{ValueFormat.Value(f.Low80, unit)} - {ValueFormat.Value(f.High80, unit)}",
            f is null ? "-" : Percent(f.ProbabilityOfTarget),
            p.Goal.Owner ?? "",
        ];
    }

    private static ReportSection Funnel(QuarterlyReport report)
    {
        if (report.Funnel is not { } funnel)
        {
            return new ReportSection("Funnel", [report.FunnelProblem ?? "No funnel plan."], [], []);
        }

        var rows = funnel.Stages.Select(s => (IReadOnlyList<string>)
        [
            s.Label,
            s.Entering is { } e ? PlanCommandFormat.Count(e) : "-",
            PlanCommandFormat.Count(s.Actual),
            s.PlannedRate is { } planned ? PlanCommandFormat.Rate(planned) : "-",
            s.ActualRate is { } actual ? PlanCommandFormat.Rate(actual) : "-",
            PlanCommandFormat.Count(s.Expected),
            Lost(s.CustomersLost),
            funnel.Bottleneck == s ? "bottleneck" : "",
        ]).ToList();
        return new ReportSection(
            "Funnel against plan",
            funnel.Notes,
            ["Stage", "Entering", "Reached", "Planned rate", "Actual rate", "Expected", "Customers lost", ""],
            rows);
    }

    private static ReportSection Focus(QuarterlyReport report)
    {
        if (report.Focus.Count == 0)
        {
            return new ReportSection("Focus next quarter", ["No stage fell short of plan: keep the course, and watch the goals above."], [], []);
        }

        var lines = report.Focus.SelectMany(f => new[]
        {
            $"{f.Area.Name} ({f.Stage.Label}, {Lost(f.Stage.CustomersLost)} customers lost): {f.Area.Advice}",
            $"  watch: {string.Join(", ", f.Area.KpisToWatch)}",
        }).ToList();
        return new ReportSection("Focus next quarter", lines, [], []);
    }

    private static ReportSection Alerts(QuarterlyReport report) =>
        report.Alerts.Count == 0
            ? new ReportSection("Alerts", ["None: every goal on track and no daily outlier in the headline KPIs."], [], [])
            : new ReportSection(
                "Alerts",
                [],
                ["Severity", "Kind", "KPI", "Why"],
                [.. report.Alerts.Select(a => (IReadOnlyList<string>)[Severity(a.Severity), a.Kind == AlertKind.Pacing ? "pacing" : "outlier", a.KpiId, a.Why])]);

    private static string Lost(double customers) => customers.ToString("0.0#", CultureInfo.InvariantCulture);

    private static string Severity(AlertSeverity severity) => severity.ToString().ToLowerInvariant();

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
