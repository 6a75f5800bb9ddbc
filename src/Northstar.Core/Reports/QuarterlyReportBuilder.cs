using Northstar.Core.Alerts;
using Northstar.Core.Diagnostics;
using Northstar.Core.Forecasting;
using Northstar.Core.Goals;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Core.Reports;

/// <summary>Builds the <see cref="QuarterlyReport"/> from one engine (the store is read through its caches once).</summary>
public static class QuarterlyReportBuilder
{
    /// <summary>The KPIs whose daily values are scanned for outliers.</summary>
    public static IReadOnlyList<string> WatchedDaily { get; } = ["sessions", "leads", "mqls", "sqls", "customers", "spend"];

    /// <summary>
    /// The report for <paramref name="quarter"/> as known on <paramref name="today"/> (days before it are
    /// counted; a past quarter is reported as of its end). <paramref name="plan"/> is the funnel plan to
    /// diagnose against; without one, the four quarters before stand in. Throws
    /// <see cref="ArgumentException"/> when the quarter has not started.
    /// </summary>
    public static QuarterlyReport Build(
        MetricsEngine engine, IReadOnlyList<Goal> goals, PacingThresholds thresholds, Period quarter, DateOnly today, DiagnosisPlan? plan = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(goals);
        ArgumentNullException.ThrowIfNull(quarter);
        if (today <= quarter.Range.Start)
        {
            throw new ArgumentException($"{quarter.Label} starts on {quarter.Range.Start:yyyy-MM-dd}: there is nothing to report on {today:yyyy-MM-dd} yet.", nameof(today));
        }

        var asOf = today < quarter.Range.End ? today : quarter.Range.End;
        var notes = new List<string>();
        if (asOf < quarter.Range.End)
        {
            notes.Add($"{quarter.Label} is not over: figures count the days before {asOf:yyyy-MM-dd} ({asOf.DayNumber - quarter.Range.Start.DayNumber} of {quarter.Range.Days}).");
        }

        var lines = GoalLines(engine, goals, thresholds, quarter, asOf);
        var (funnel, problem) = Diagnose(engine, quarter, plan);
        if (funnel is not null && plan is null)
        {
            notes.Add($"The funnel is held against a plan from history: {funnel.Plan.Source}.");
        }

        var known = new DateRange(quarter.Range.Start, asOf);
        var outliers = DailyOutliers.Scan(engine, WatchedDaily.Where(k => engine.Find(k) is not null), known);
        notes.AddRange(outliers.Notes);
        var alerts = PacingAlerts.From(lines.Select(l => ToInput(l.Pacing)).OfType<PacingInput>())
            .Concat(outliers.Alerts.OrderByDescending(a => a.Severity).ThenBy(a => a.Day))
            .ToList();
        return new QuarterlyReport(quarter, asOf, lines, funnel, problem, FocusOf(funnel), alerts, notes);
    }

    private static List<GoalLine> GoalLines(MetricsEngine engine, IReadOnlyList<Goal> goals, PacingThresholds thresholds, Period quarter, DateOnly asOf)
    {
        var pacer = new GoalPacer(engine, thresholds);
        return pacer.PaceAll(goals, asOf)
            .Where(p => p.Period.Range.Start < quarter.Range.End && quarter.Range.Start < p.Period.Range.End)
            .SelectMany(p => p.Walk())
            .Select(w => Line(engine, w.Pacing, w.Depth))
            .ToList();
    }

    private static GoalLine Line(MetricsEngine engine, GoalPacing pacing, int depth)
    {
        if (pacing.AsOf <= pacing.Period.Range.Start)
        {
            return new GoalLine(pacing, null, $"{pacing.Period.Label} has not started.", depth);
        }

        try
        {
            var forecast = Forecaster.Run(engine, pacing.Kpi.Id, pacing.Goal.Target, pacing.Period.Range, pacing.AsOf);
            return new GoalLine(pacing, forecast, null, depth);
        }
        catch (ArgumentException e)
        {
            // A KPI the forecaster cannot simulate (an average, a cost per lead): paced, not forecast, and why.
            return new GoalLine(pacing, null, e.Message, depth);
        }
    }

    private static (FunnelDiagnosis? Funnel, string? Problem) Diagnose(MetricsEngine engine, Period quarter, DiagnosisPlan? plan)
    {
        if (plan is not null)
        {
            return (FunnelDiagnostics.Diagnose(engine, quarter.Range, plan, quarter.Label), null);
        }

        var funnel = FunnelDiagnostics.DiagnoseFromHistory(engine, quarter.Range, out var problem, label: quarter.Label);
        return (funnel, problem);
    }

    /// <summary>The focus areas of the stages that lost customers, most lost first, one line an area, at most two.</summary>
    internal static List<FocusLine> FocusOf(FunnelDiagnosis? funnel) =>
        funnel is null
            ? []
            : funnel.Stages.Where(s => s.CustomersLost > 0)
                .OrderByDescending(s => s.CustomersLost)
                .Select(s => new FocusLine(FocusAreas.For(s.Step), s))
                .DistinctBy(f => f.Area.Id)
                .Take(2)
                .ToList();

    private static PacingInput? ToInput(GoalPacing p) =>
        p.Actual is { } actual
            ? new PacingInput(p.Goal.Id, p.Kpi.Id, p.Status, actual, p.TargetToDate) { Period = p.Period.Label, AsOf = p.AsOf }
            : null;
}
