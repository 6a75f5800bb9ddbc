using System.CommandLine;
using System.Globalization;
using Northstar.Cli.Output;
using Northstar.Core.Goals;

namespace Northstar.Cli.Commands;

internal static partial class GoalCommand
{
    private static readonly string[] SplitNames = ["even", "seasonal"];

    /// <summary><c>goal set &lt;id&gt;</c>: checks a goal and saves it, replacing one of the same id with every field as given.</summary>
    private static Command Set(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "A slug for the goal, e.g. leads-2026." };
        var kpi = new Option<string>("--kpi") { Description = "The KPI id, built-in or custom (northstar kpi list).", Required = true };
        var target = new Option<double>("--target") { Description = "The value to reach by the period's end, above 0 (a ceiling for a KPI where lower is better).", Required = true };
        var period = new Option<string>("--period") { Description = "2026, FY2026, 2026-H2, 2026-Q3, FY2026-Q1, 2026-07, this-year, ...", Required = true };
        var owner = new Option<string?>("--owner") { Description = "Who answers for it." };
        var description = new Option<string?>("--description") { Description = "What the goal is, in a sentence." };
        var business = new Option<string?>("--business-goal") { Description = "The business goal it serves." };
        var parent = new Option<string?>("--parent") { Description = "The goal this one rolls up into." };
        var subMetrics = new Option<string[]>("--sub-metric") { Description = "A KPI watched under the goal's KPI (repeatable; at most two advised)." };
        var split = new Option<string>("--split") { Description = "How the target spreads over the months: even (default) or seasonal (by the KPI's months in the year before).", DefaultValueFactory = _ => "even" };
        split.AcceptOnlyFromAmong(SplitNames);
        var weights = new Option<string?>("--month-weights") { Description = "Twelve comma-separated month weights, January first (a seasonal split typed in, e.g. from a plan)." };
        var today = KpiCommandInput.TodayOption();
        var set = new Command("set", "Set a goal: KPI, target, period, owner, description, business goal, parent, sub-metrics, split.")
        {
            id, kpi, target, period, owner, description, business, parent, subMetrics, split, weights, today,
        };
        set.SetAction(parse =>
        {
            if (!TryWeights(parse.GetValue(weights), context, out var monthWeights))
            {
                return 2;
            }

            var goal = new Goal(parse.GetValue(id)!, parse.GetValue(kpi)!, parse.GetValue(target), parse.GetValue(period)!)
            {
                Owner = parse.GetValue(owner),
                Description = parse.GetValue(description),
                BusinessGoal = parse.GetValue(business),
                ParentId = parse.GetValue(parent),
                SubMetrics = parse.GetValue(subMetrics) ?? [],
                MonthWeights = monthWeights,
            };
            return Save(context, parse, goal, parse.GetValue(split) == "seasonal" && monthWeights is null, parse.GetValue(today));
        });
        return set;
    }

    private static int Save(CliContext context, ParseResult parse, Goal goal, bool seasonal, string? todayText)
    {
        using var session = KpiCommandSession.Open(parse.GetValue(CommonOptions.Db)!, parse.GetValue(CommonOptions.Workspace)!, context);
        if (session is null || Goals(session, context) is not { } goals)
        {
            return 1;
        }

        if (KpiCommandInput.Today(todayText, session, context) is not { } today)
        {
            return 2;
        }

        var check = GoalEditor.Save(goals, session.Workspace, session.Engine, goal, seasonal, today);
        var saved = check.Goal;
        foreach (var warning in check.Warnings)
        {
            context.Error.WriteLine($"warning: {Sentence(warning)}");
        }

        if (saved is null)
        {
            foreach (var error in check.Errors)
            {
                context.Error.WriteLine($"error: {Sentence(error)}");
            }

            return 2;
        }

        var split = saved.MonthWeights is { } w ? "seasonal split " + string.Join(" ", w.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture))) : "even split";
        context.Out.WriteLine(
            $"Saved goal '{saved.Id}': {saved.Kpi} {ValueFormat.Value(saved.Target, check.Kpi!.Unit)} in {saved.Period} ({check.Period!.Range}), {split}.");
        return 0;
    }

    /// <summary>The message with a full stop, unless it already ends a sentence.</summary>
    private static string Sentence(string message) => message.EndsWith('.') || message.EndsWith('?') ? message : message + ".";

    private static bool TryWeights(string? text, CliContext context, out IReadOnlyList<double>? weights)
    {
        weights = null;
        if (text is null)
        {
            return true;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                context.Error.WriteLine($"error: --month-weights: '{parts[i]}' is not a number (twelve comma-separated weights, January first).");
                return false;
            }
        }

        weights = values;
        return true;
    }
}
