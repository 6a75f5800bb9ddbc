using System.Globalization;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Goals;

/// <summary>
/// Paces goals on an as-of date: actual to date from the <see cref="MetricsEngine"/> against the
/// target to date (pro-rated by the goal's split for additive KPIs, the target itself for rates),
/// with a status by the <see cref="PacingThresholds"/>.
/// </summary>
/// <remarks>
/// Roll-up: a parent goal's actual is its own KPI, never a sum of its sub-goals (they may track
/// other KPIs). Its <see cref="GoalPacing.SubGoals"/> list the sub-goals with their status, and
/// its notes say how many are off track or at risk, and, when sub-goals track the parent's
/// additive KPI, whether their targets add up to the parent's.
/// </remarks>
public sealed class GoalPacer
{
    private readonly MetricsEngine _engine;
    private readonly PacingThresholds _thresholds;

    public GoalPacer(MetricsEngine engine, PacingThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _thresholds = thresholds ?? PacingThresholds.Default;
    }

    /// <summary>Paces every goal: the top-level ones (and those whose parent is gone) in id order, each with its sub-goals nested.</summary>
    public IReadOnlyList<GoalPacing> PaceAll(IReadOnlyList<Goal> goals, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(goals);
        var ids = goals.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var children = goals.Where(g => g.ParentId is { } p && ids.Contains(p)).ToLookup(g => g.ParentId!, StringComparer.Ordinal);
        return [.. goals
            .Where(g => g.ParentId is null || !ids.Contains(g.ParentId))
            .OrderBy(g => g.Id, StringComparer.Ordinal)
            .Select(g => PaceTree(g, children, asOf, depth: 0))];
    }

    /// <summary>
    /// The workspace's goals paced on <paramref name="asOf"/> with its own thresholds (for a report):
    /// only those whose period overlaps <paramref name="overlapping"/> when given (a 2025-Q3
    /// report shows the 2025 goals and the 2025-Q3 ones), nested as <see cref="PaceAll"/> does.
    /// </summary>
    public static IReadOnlyList<GoalPacing> PaceWorkspace(
        MetricsEngine engine, IGoalStore goals, ICustomKpiStore? settings, Workspace workspace, DateOnly asOf, DateRange? overlapping = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(goals);
        ArgumentNullException.ThrowIfNull(workspace);
        var thresholds = settings is null ? PacingThresholds.Default : PacingThresholds.Load(settings, workspace);
        var chosen = goals.ListGoals(workspace).Where(g => overlapping is not { } range || Overlaps(g, engine, range, asOf)).ToList();
        return new GoalPacer(engine, thresholds).PaceAll(chosen, asOf);
    }

    /// <summary>Paces one goal on its own (no sub-goals).</summary>
    public GoalPacing Pace(Goal goal, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var parsed = PeriodParser.Parse(goal.Period, _engine.Calendar, asOf);
        var period = parsed.IsSuccess ? parsed.Period : throw new InvalidOperationException($"Goal '{goal.Id}' has a period that no longer reads: {parsed.Error.Reason}");
        var range = period.Range;
        var end = asOf < range.Start ? range.Start : asOf > range.End ? range.End : asOf;
        var elapsed = end.DayNumber - range.Start.DayNumber;
        var kpi = _engine.Find(goal.Kpi);
        var additive = kpi is not null && _engine.IsAdditive(goal.Kpi);
        var basis = new GoalPacing
        {
            Goal = goal,
            Kpi = kpi ?? new KpiDefinition(goal.Kpi, goal.Kpi, KpiUnit.Count, KpiDirection.UpIsGood, "unknown KPI", []),
            Period = period,
            AsOf = asOf,
            ProRated = additive,
            TargetToDate = additive ? goal.Target * goal.Split(range).ShareBefore(asOf) : goal.Target,
            Status = PacingStatus.NoData,
            DaysElapsed = elapsed,
            DaysLeft = range.Days - elapsed,
        };
        if (kpi is null)
        {
            return basis with { Notes = [KpiSuggestions.UnknownKpi(goal.Kpi, _engine) + ": the goal cannot be paced"] };
        }

        if (elapsed == 0)
        {
            return basis with { Status = PacingStatus.NotStarted, Notes = [$"{period.Label} starts on {Day(range.Start)}"] };
        }

        var actual = _engine.Run(new MetricQuery(goal.Kpi, new DateRange(range.Start, end)) { Label = period.Label }).Rows[0].Total;
        return Judge(basis with { Actual = actual });
    }

    private static bool Overlaps(Goal goal, MetricsEngine engine, DateRange range, DateOnly today)
    {
        var parsed = PeriodParser.Parse(goal.Period, engine.Calendar, today);
        return parsed.IsSuccess && parsed.Period.Range.Start < range.End && range.Start < parsed.Period.Range.End;
    }

    private GoalPacing PaceTree(Goal goal, ILookup<string, Goal> children, DateOnly asOf, int depth)
    {
        var pacing = Pace(goal, asOf);

        // Saved goals never loop (the validator refuses it); the depth bound keeps a hand-edited database from recursing forever.
        if (depth > 32 || !children.Contains(goal.Id))
        {
            return pacing;
        }

        var subGoals = children[goal.Id].OrderBy(g => g.Id, StringComparer.Ordinal).Select(g => PaceTree(g, children, asOf, depth + 1)).ToList();
        return pacing with { SubGoals = subGoals, Notes = [.. pacing.Notes, .. GoalRollUp.Notes(pacing, subGoals)] };
    }

    private GoalPacing Judge(GoalPacing p)
    {
        var notes = new List<string>();
        if (!p.ProRated)
        {
            notes.Add($"{p.Kpi.Id} is not a count or an amount: it is paced against the target itself, not pro-rated");
        }

        if (p.DaysLeft == 0)
        {
            notes.Add($"final: {p.Period.Label} ended on {Day(p.Period.Range.End.AddDays(-1))}");
        }

        var down = p.Kpi.Direction == KpiDirection.DownIsGood;
        var to = Day(p.AsOf < p.Period.Range.End ? p.AsOf.AddDays(-1) : p.Period.Range.End.AddDays(-1));
        // A zero count, or a zero for a KPI where lower is better (no spend: no cost per lead), is
        // far more often data not imported yet than a real result; a zero rate where higher is better is real.
        if (p.Actual is not { } actual || (actual == 0 && (p.ProRated || down)))
        {
            notes.Insert(0, $"no data{(p.DaysLeft == 0 ? "" : " yet")}: no {p.Kpi.Id} recorded from {Day(p.Period.Range.Start)} to {to} (import the data, or check the KPI)");
            return p with { Status = PacingStatus.NoData, Notes = notes };
        }

        double? attainment = down ? p.TargetToDate / actual : p.TargetToDate > 0 ? actual / p.TargetToDate : null;
        if (attainment is null)
        {
            notes.Add("nothing of the target is due yet (seasonal split)");
        }

        return p with
        {
            Attainment = attainment,
            Status = attainment is { } a ? _thresholds.StatusOf(a) : PacingStatus.OnTrack,
            RequiredDailyRate = p.ProRated && p.DaysLeft > 0 ? Math.Max(0, (p.Goal.Target - actual) / p.DaysLeft) : null,
            Notes = notes,
        };
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
