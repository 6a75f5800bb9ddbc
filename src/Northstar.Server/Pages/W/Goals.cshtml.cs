using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Accounts;
using Northstar.Core.Forecasting;
using Northstar.Core.Goals;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;
using Northstar.Core.Planning;
using Northstar.Server.Hosting;
using Northstar.Server.Pages.Dashboard;

namespace Northstar.Server.Pages.W;

/// <summary>
/// <c>/w/{workspace}/goals?goal=id&amp;revenue=10000000&amp;year=2026</c>: the goals with their pacing,
/// one goal's monthly target against actual with the forecast band for its period's end, the
/// reverse-funnel plan of a revenue goal (Planning, rates from the 12 months before), and the form
/// that sets a goal (editor role).
/// </summary>
public sealed class GoalsModel : WorkspacePageModel
{
    [FromQuery(Name = "goal")]
    public string? GoalId { get; set; }

    [FromQuery(Name = "revenue")]
    public decimal? Revenue { get; set; }

    [FromQuery(Name = "year")]
    public string? Year { get; set; }

    [BindProperty]
    public GoalForm Set { get; set; } = new();

    public override string Tab => "goals";

    public IReadOnlyList<GoalPacing> Goals { get; private set; } = [];

    public GoalPacing? Shown { get; private set; }

    /// <summary>The chart of <see cref="Shown"/>: month labels, target and actual per month (cumulative), forecast band.</summary>
    public GoalChart? Chart { get; private set; }

    public Forecast? Forecast { get; private set; }

    public FunnelPlan? Plan { get; private set; }

    public IReadOnlyList<string> Messages { get; private set; } = [];

    public IReadOnlyList<string> SetErrors { get; private set; } = [];

    protected override void Load()
    {
        var today = Engine.Today;
        var store = HttpContext.RequestServices.GetRequiredService<IGoalStore>();
        var custom = HttpContext.RequestServices.GetRequiredService<ICustomKpiStore>();
        var goals = store.ListGoals(Workspace);
        Goals = new GoalPacer(Engine, PacingThresholds.Load(custom, Workspace)).PaceAll(goals, today);
        var flat = Goals.SelectMany(g => g.Walk()).Select(w => w.Pacing).ToList();
        Tables.Add(new DashTable("goals", "Goals", ["goal", "kpi", "period", "target", "actual to date", "target to date", "attainment", "pacing"], [.. flat.Select(p => (IReadOnlyList<DashCell>)
        [
            p.Goal.Id, p.Kpi.Id, p.Period.Label, Fmt.Cell(p.Goal.Target, p.Kpi.Unit), Fmt.Cell(p.Actual, p.Kpi.Unit), Fmt.Cell(p.TargetToDate, p.Kpi.Unit),
            Fmt.PercentCell(p.Attainment), OverviewModel.PacingText(p.Status),
        ])]) { Caption = $"As of {today:yyyy-MM-dd} (the days before it counted)." });
        Shown = flat.FirstOrDefault(p => p.Goal.Id == GoalId) ?? flat.FirstOrDefault();
        if (Shown is not null)
        {
            ChartFor(Shown, today);
        }

        PlanFor(goals, today);
    }

    private void ChartFor(GoalPacing pacing, DateOnly today)
    {
        var range = pacing.Period.Range;
        var result = Engine.Run(new MetricQuery(pacing.Goal.Kpi, range, Grain.Month));
        var split = pacing.Goal.Split(range);
        var additive = pacing.ProRated;
        var targets = result.Columns.Select(c => additive ? pacing.Goal.Target * (split.ShareBefore(c.Range.End) - split.ShareBefore(c.Range.Start)) : pacing.Goal.Target).ToList();
        var actuals = result.Columns.Select((c, i) => c.Range.Start < today ? result.Rows[0].Values[i] : null).ToList();
        Chart = new GoalChart([.. result.Columns.Select(c => c.Label)], targets, actuals);
        try
        {
            Forecast = Forecaster.Run(Engine, pacing.Goal.Kpi, pacing.Goal.Target, range, today < range.End ? today : range.End);
        }
        catch (ArgumentException e)
        {
            Messages = [.. Messages, "No forecast: " + e.Message];
        }

        Tables.Add(new DashTable("months", $"{pacing.Goal.Id}: target and actual by month", ["month", "target", "actual"], [.. result.Columns.Select((c, i) => (IReadOnlyList<DashCell>)
            [c.Label, Fmt.Cell(targets[i], pacing.Kpi.Unit), Fmt.Cell(actuals[i], pacing.Kpi.Unit)])]));
    }

    private void PlanFor(IReadOnlyList<Goal> goals, DateOnly today)
    {
        // Default: the (fiscal) year holding the last day with data; a demo store ends at its simulated end, not today.
        var lastDay = HttpContext.RequestServices.GetRequiredService<WorkspaceEngines>().LastDataDay(Workspace, today) ?? today;
        var yearText = string.IsNullOrWhiteSpace(Year) ? Engine.Calendar.YearContaining(lastDay).Label : Year;
        var parsed = PeriodParser.Parse(yearText, Engine.Calendar, today);
        if (!parsed.IsSuccess)
        {
            Messages = [.. Messages, $"Plan: bad year '{yearText}': {parsed.Error.Reason}"];
            return;
        }

        var period = parsed.Period;
        var goal = goals.FirstOrDefault(g => g.Kpi == "revenue_new" && g.Period == period.Label);
        var revenue = Revenue ?? (goal is not null ? (decimal)goal.Target : null);
        if (revenue is null)
        {
            var last = Engine.Run(new MetricQuery("revenue_new", new DateRange(period.Range.Start.AddYears(-1), period.Range.Start))).Rows[0].Total ?? 0;
            revenue = Math.Round((decimal)last * 1.2m, 0);
            Messages = [.. Messages, $"Plan: no revenue_new goal for {period.Label}; planned for last year's new revenue + 20% ({revenue:N0}). Set ?revenue= or a goal."];
        }

        var outcome = Planner.Build(Engine, period, new PlanRequest(revenue.Value));
        if (!outcome.IsSuccess)
        {
            Messages = [.. Messages, .. outcome.Problems.Select(p => "Plan: " + p.Message)];
            return;
        }

        Plan = outcome.Plan!;
        var steps = FunnelSteps.All;
        var buckets = Plan.Quarters.Concat(Plan.Months).ToList();
        Tables.Add(new DashTable("plan", $"Reverse funnel for {Fmt.Money((double)Plan.RevenueGoal)} new revenue in {period.Label}", ["bucket", .. steps.Select(FunnelSteps.Label)],
            [(IReadOnlyList<DashCell>)["total", .. steps.Select(s => Fmt.Cell(Plan.Total[s], 1))], .. buckets.Select(b => (IReadOnlyList<DashCell>)[b.Label, .. steps.Select(s => Fmt.Cell(b.Counts[s], 1))])])
        {
            Caption = $"Deal size {Fmt.Money((double)Plan.DealSize.Amount)}; rates {string.Join(", ", Plan.Rates.Steps.Select(r => r.Label + " " + Fmt.Percent(r.Rate)))}. " + string.Join(" ", Plan.Notes),
        });
    }

    /// <summary>Saves the goal of the form (editor role), after the same checks as <c>northstar goal set</c>.</summary>
    public IActionResult OnPostSet()
    {
        if (Access.Role < WorkspaceRole.Editor)
        {
            return Forbidden("editor");
        }

        var store = HttpContext.RequestServices.GetRequiredService<IGoalStore>();
        var goal = new Goal(Set.Id?.Trim() ?? "", Set.Kpi?.Trim() ?? "", Set.Target ?? 0, Set.Period?.Trim() ?? "") { Owner = Set.Owner };
        var check = GoalEditor.Save(store, Workspace, Engine, goal, seasonal: false, Engine.Today);
        if (check.Goal is not { } saved)
        {
            SetErrors = check.Errors;
        }
        else
        {
            Messages = [$"Saved goal '{saved.Id}'."];
            GoalId = saved.Id;
        }

        Load();
        return Page();
    }
}

/// <summary>A goal's months: target and actual per month (actual null for months not begun).</summary>
public sealed record GoalChart(IReadOnlyList<string> Labels, IReadOnlyList<double> Targets, IReadOnlyList<double?> Actuals);

/// <summary>The set-a-goal form.</summary>
public sealed class GoalForm
{
    public string? Id { get; set; }

    public string? Kpi { get; set; }

    public double? Target { get; set; }

    /// <summary>2026, 2026-Q3, 2026-07, FY2026...</summary>
    public string? Period { get; set; }

    public string? Owner { get; set; }
}
