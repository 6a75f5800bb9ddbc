using System.CommandLine;
using System.Globalization;
using Northstar.Cli.Output;
using Northstar.Core.Goals;
using Spectre.Console;

namespace Northstar.Cli.Commands;

internal static partial class GoalCommand
{
    /// <summary><c>goal list</c>: every goal with its pacing on the as-of day; sub-goals under their parent.</summary>
    private static Command List(CliContext context)
    {
        var format = CommonOptions.Format();
        var today = KpiCommandInput.TodayOption();
        var list = new Command("list", "List the goals: KPI, period, target, actual and target to date, pacing status.") { format, today };
        list.SetAction(parse =>
        {
            using var session = KpiCommandSession.Open(parse.GetValue(CommonOptions.Db)!, parse.GetValue(CommonOptions.Workspace)!, context);
            if (session is null || Goals(session, context) is not { } goals || session.RequireCustom(context) is not { } settings)
            {
                return 1;
            }

            if (KpiCommandInput.Today(parse.GetValue(today), session, context) is not { } asOf)
            {
                return 2;
            }

            var pacer = new GoalPacer(session.Engine, PacingThresholds.Load(settings, session.Workspace));
            var rows = GoalRow.List(pacer, goals.ListGoals(session.Workspace), asOf);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Json.Write(context.Out, new { AsOf = asOf, Goals = rows });
            }
            else
            {
                WriteTable(context, rows, asOf);
            }

            return 0;
        });
        return list;
    }

    private static void WriteTable(CliContext context, IReadOnlyList<GoalRow> rows, DateOnly asOf)
    {
        if (rows.Count == 0)
        {
            context.Out.WriteLine("No goals yet: northstar goal set leads-2026 --kpi leads --target 1200 --period 2026");
            return;
        }

        WideConsole.Widen(context.Console);
        var table = new Table().Title($"Goals as of {asOf:yyyy-MM-dd} (days before it counted)");
        table.AddColumn("goal").AddColumn("KPI").AddColumn("period").AddColumn(new TableColumn("target").RightAligned())
            .AddColumn(new TableColumn("actual to date").RightAligned()).AddColumn(new TableColumn("target to date").RightAligned())
            .AddColumn(new TableColumn("attainment").RightAligned()).AddColumn("pacing").AddColumn("owner");
        foreach (var r in rows)
        {
            table.AddRow(
                Markup.Escape(new string(' ', 2 * r.Depth) + r.Id),
                Markup.Escape(r.Kpi),
                Markup.Escape(r.Period),
                ValueFormat.Value(r.Target, r.Unit),
                ValueFormat.Value(r.Actual, r.Unit),
                ValueFormat.Value(r.TargetToDate, r.Unit),
                r.Attainment is { } a ? (a * 100).ToString("N1", CultureInfo.InvariantCulture) + "%" : "-",
                PacingText.Of(r.Status),
                Markup.Escape(r.Owner ?? ""));
        }

        context.Console.Write(table);
        foreach (var r in rows.Where(r => r.Notes.Count > 0 || r.RequiredDailyRate is not null))
        {
            var needed = r.RequiredDailyRate is { } d ? [$"needs {d.ToString("N2", CultureInfo.InvariantCulture)} a day for the {r.DaysLeft} days left"] : Array.Empty<string>();
            context.Out.WriteLine($"{r.Id}: {string.Join("; ", needed.Concat(r.Notes))}");
        }
    }
}
