using System.CommandLine;
using Northstar.Core.Planning;

namespace Northstar.Cli.Commands;

/// <summary><c>northstar plan --save</c>, <c>plan show</c> and <c>plan clear</c>: the workspace's one current plan.</summary>
internal static class PlanCommandSaved
{
    /// <summary>Keeps <paramref name="plan"/> for the session's workspace; false with the error printed when the store cannot.</summary>
    public static bool Save(KpiCommandSession session, FunnelPlan plan, CliContext context, bool toOut)
    {
        if (session.RequireCustom(context) is not { } store)
        {
            return false;
        }

        var replaced = SavedPlans.Load(store, session.Workspace, out _) is not null;
        SavedPlans.Save(store, session.Workspace, SavedPlan.From(plan, TimeProvider.System.GetUtcNow()));
        var message = $"Saved plan {plan.Period.Label} for workspace '{session.Workspace.Name}'{(replaced ? ", replacing the one before" : "")}: 'northstar report quarterly' diagnoses against it.";
        (toOut ? context.Out : context.Error).WriteLine(message);
        return true;
    }

    public static Command Show(CliContext context)
    {
        var format = new Option<string>("--format") { Description = "table (default), json, md or html.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "md", "html");
        var show = new Command("show", "Print the workspace's saved plan (as it was saved; quarters follow the fiscal calendar).") { format };
        show.SetAction(parse => RunShow(parse, parse.GetValue(format)!, context));
        return show;
    }

    public static Command Clear(CliContext context)
    {
        var clear = new Command("clear", "Remove the workspace's saved plan: the quarterly report goes back to history.");
        clear.SetAction(parse => RunClear(parse, context));
        return clear;
    }

    private static int RunShow(ParseResult parse, string format, CliContext context)
    {
        using var session = KpiCommandSession.Open(parse.GetValue(CommonOptions.Db)!, parse.GetValue(CommonOptions.Workspace)!, context);
        if (session?.RequireCustom(context) is not { } store)
        {
            return 1;
        }

        var saved = SavedPlans.Load(store, session.Workspace, out var error);
        if (saved is null)
        {
            context.Error.WriteLine(error is null
                ? $"error: workspace '{session.Workspace.Name}' has no saved plan: make one with 'northstar plan --revenue ... --save'."
                : $"error: {error} (northstar plan clear removes it).");
            return error is null ? 1 : 2;
        }

        var outcome = saved.Rebuild(session.Engine.Calendar);
        if (!outcome.IsSuccess)
        {
            foreach (var problem in outcome.Problems)
            {
                context.Error.WriteLine($"error: the saved plan: {problem.Message}");
            }

            return 2;
        }

        PlanCommand.Write(format, outcome.Plan, context);
        return 0;
    }

    private static int RunClear(ParseResult parse, CliContext context)
    {
        using var session = KpiCommandSession.Open(parse.GetValue(CommonOptions.Db)!, parse.GetValue(CommonOptions.Workspace)!, context);
        if (session?.RequireCustom(context) is not { } store)
        {
            return 1;
        }

        context.Out.WriteLine(SavedPlans.Clear(store, session.Workspace)
            ? $"Removed the saved plan of workspace '{session.Workspace.Name}'; the quarterly report diagnoses against history."
            : $"Workspace '{session.Workspace.Name}' had no saved plan.");
        return 0;
    }
}
