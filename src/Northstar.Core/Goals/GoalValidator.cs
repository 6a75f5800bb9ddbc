using System.Globalization;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Core.Goals;

/// <summary>
/// Checks a goal before it is saved: a slug id, a known KPI (close matches offered), a target
/// above 0, a period of a month or longer in the workspace's fiscal calendar, a parent that
/// exists and makes no loop, known sub-metrics, twelve usable month weights. Bad input is an
/// error in the result, never an exception.
/// </summary>
public static class GoalValidator
{
    /// <summary>The KPI-tree advice: more sub-metrics than this under one KPI gets a warning.</summary>
    public const int MaxSubMetrics = 2;

    /// <summary>Checks <paramref name="goal"/> against the engine's KPIs and the goals already saved (the goal itself may be among them: it is being replaced).</summary>
    /// <param name="goal">The goal as typed.</param>
    /// <param name="engine">The workspace's metrics: its KPIs and fiscal calendar.</param>
    /// <param name="saved">The workspace's goals now.</param>
    /// <param name="today">Today in the workspace, for relative periods and the past/future warnings.</param>
    public static GoalCheck Check(Goal goal, MetricsEngine engine, IReadOnlyList<Goal> saved, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(saved);
        var errors = new List<string>();
        var warnings = new List<string>();
        CheckId(goal.Id, errors);
        var kpi = engine.Find(goal.Kpi);
        if (kpi is null)
        {
            errors.Add(KpiSuggestions.UnknownKpi(goal.Kpi, engine));
        }

        if (!double.IsFinite(goal.Target) || goal.Target <= 0)
        {
            errors.Add($"the target must be a number above 0, not {goal.Target.ToString(CultureInfo.InvariantCulture)}");
        }

        var period = CheckPeriod(goal.Period, engine, today, errors, warnings);
        CheckParent(goal, saved, errors);
        var subMetrics = CheckSubMetrics(goal, engine, errors, warnings);
        CheckWeights(goal.MonthWeights, errors);
        if (kpi is { Direction: KpiDirection.DownIsGood })
        {
            warnings.Add($"{kpi.Id} is better when lower: the target {goal.Target.ToString(CultureInfo.InvariantCulture)} is a ceiling (on track while the KPI stays at or below it)");
        }

        var normalised = errors.Count > 0 ? null : goal with { Period = period!.Label, SubMetrics = subMetrics };
        return new GoalCheck { Goal = normalised, Period = period, Kpi = kpi, Errors = errors, Warnings = warnings };
    }

    private static void CheckId(string id, List<string> errors)
    {
        var slug = id.Length is > 0 and <= 64
            && (char.IsAsciiLetterLower(id[0]) || char.IsAsciiDigit(id[0]))
            && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');
        if (!slug)
        {
            errors.Add($"the goal id '{id}' must be a slug: 1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit (e.g. leads-2026)");
        }
    }

    private static Period? CheckPeriod(string text, MetricsEngine engine, DateOnly today, List<string> errors, List<string> warnings)
    {
        var parsed = PeriodParser.Parse(text, engine.Calendar, today);
        if (!parsed.IsSuccess)
        {
            errors.Add($"bad period '{text}': {parsed.Error.Reason}");
            return null;
        }

        var period = parsed.Period;
        if (period.Kind is PeriodKind.Day or PeriodKind.Week)
        {
            errors.Add($"a goal covers a month, quarter, half or year (calendar or fiscal); '{period.Label}' is a {period.Kind.ToString().ToLowerInvariant()}");
            return null;
        }

        if (period.Range.End <= today)
        {
            warnings.Add($"the period {period.Label} ended on {period.Range.End.AddDays(-1):yyyy-MM-dd}: pacing shows its final result");
        }
        else if (period.Range.Start > today)
        {
            warnings.Add($"the period {period.Label} starts on {period.Range.Start:yyyy-MM-dd}: pacing says 'not started' until then");
        }

        return period;
    }

    private static void CheckParent(Goal goal, IReadOnlyList<Goal> saved, List<string> errors)
    {
        if (goal.ParentId is not { } parentId)
        {
            return;
        }

        if (parentId == goal.Id)
        {
            errors.Add($"the goal '{goal.Id}' cannot be its own parent");
            return;
        }

        var byId = saved.Where(g => g.Id != goal.Id).Append(goal).ToDictionary(g => g.Id, StringComparer.Ordinal);
        if (!byId.ContainsKey(parentId))
        {
            var known = saved.Count == 0 ? "there are no goals yet" : "goals: " + string.Join(", ", saved.Select(g => g.Id));
            errors.Add($"unknown parent goal '{parentId}' ({known})");
            return;
        }

        var chain = new List<string> { goal.Id };
        // A loop already among the saved goals (not through this one) ends the walk by its length.
        for (var id = parentId; id is not null && chain.Count <= byId.Count + 1; id = byId.GetValueOrDefault(id)?.ParentId)
        {
            chain.Add(id);
            if (id == goal.Id)
            {
                errors.Add($"the parent '{parentId}' would make a loop: {string.Join(" -> ", chain)}");
                return;
            }
        }
    }

    private static List<string> CheckSubMetrics(Goal goal, MetricsEngine engine, List<string> errors, List<string> warnings)
    {
        var subMetrics = goal.SubMetrics.Distinct(StringComparer.Ordinal).ToList();
        foreach (var id in subMetrics)
        {
            if (engine.Find(id) is null)
            {
                errors.Add(KpiSuggestions.UnknownKpi(id, engine, "sub-metric"));
            }
            else if (id == goal.Kpi)
            {
                errors.Add($"the sub-metric '{id}' is the goal's own KPI");
            }
        }

        if (subMetrics.Count > MaxSubMetrics)
        {
            warnings.Add($"{subMetrics.Count} sub-metrics under {goal.Kpi}: focus: one KPI, at most two sub-metrics. " +
                "Each extra metric splits the team's attention and makes it unclear which lever to pull; keep the two that most drive the KPI.");
        }

        return subMetrics;
    }

    private static void CheckWeights(IReadOnlyList<double>? weights, List<string> errors)
    {
        if (weights is null)
        {
            return;
        }

        if (weights.Count != 12 || weights.Any(w => !double.IsFinite(w) || w < 0) || weights.Sum() <= 0)
        {
            errors.Add($"a seasonal split needs twelve month weights (January first), none negative and not all zero; got {weights.Count}");
        }
    }
}
