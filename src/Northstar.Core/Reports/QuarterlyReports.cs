using Northstar.Core.Diagnostics;
using Northstar.Core.Goals;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;
using Northstar.Core.Planning;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Reports;

/// <summary>
/// The quarterly report of a workspace as <c>report quarterly</c> and the API build it: its goals,
/// pacing thresholds and saved plan read from the store, a note saying which plan the funnel is
/// held against.
/// </summary>
public static class QuarterlyReports
{
    /// <summary>
    /// Builds the report of <paramref name="quarter"/> as of <paramref name="asOf"/>.
    /// <paramref name="historyOnly"/>: diagnose against the four quarters before, not the saved plan.
    /// Throws <see cref="ArgumentException"/> when the quarter cannot be reported (its message says why).
    /// </summary>
    public static QuarterlyReport Build(
        MetricsEngine engine, ICustomKpiStore settings, IGoalStore? goalStore, Workspace workspace, Period quarter, DateOnly asOf, bool historyOnly)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(workspace);
        var goals = goalStore?.ListGoals(workspace) ?? [];
        var (plan, planNote) = historyOnly ? (null, "--plan history: the saved plan, if any, is not used.") : SavedPlan(settings, workspace, engine.Calendar, quarter);
        var report = QuarterlyReportBuilder.Build(engine, goals, PacingThresholds.Load(settings, workspace), quarter, asOf, plan);
        return planNote is null ? report : report with { Notes = [planNote, .. report.Notes] };
    }

    /// <summary>The quarter's plan from the workspace's saved plan, or null with a note saying why history stands in (null when no plan was saved).</summary>
    private static (DiagnosisPlan? Plan, string? Note) SavedPlan(ICustomKpiStore store, Workspace workspace, FiscalCalendar calendar, Period quarter)
    {
        var saved = SavedPlans.Load(store, workspace, out var error);
        if (saved is null)
        {
            return (null, error is null ? null : $"The saved plan is not used: {error} (northstar plan clear removes it).");
        }

        var outcome = saved.Rebuild(calendar);
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
