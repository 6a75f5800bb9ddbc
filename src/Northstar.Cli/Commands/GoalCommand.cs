using System.CommandLine;
using Northstar.Core.Goals;

namespace Northstar.Cli.Commands;

/// <summary>
/// <c>northstar goal set|list|delete</c>: SMART goals on the workspace's KPIs and how they pace.
/// Usage errors (unknown KPI, target of 0, bad period, unknown parent) exit with 2.
/// </summary>
internal static partial class GoalCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("goal", "Set, list and delete goals: a KPI, a target, a period, an owner; list shows how each paces.");
        command.Subcommands.Add(Set(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Delete(context));
        return command;
    }

    /// <summary>The store's goal table, or null with an error printed.</summary>
    private static IGoalStore? Goals(KpiCommandSession session, CliContext context)
    {
        if (session.Store is IGoalStore goals)
        {
            return goals;
        }

        context.Error.WriteLine("error: this database cannot keep goals yet.");
        return null;
    }

    /// <summary><c>goal delete &lt;id&gt;</c>: removes a goal that has no sub-goals.</summary>
    private static Command Delete(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The goal's id." };
        var delete = new Command("delete", "Delete a goal (one with sub-goals only after they are deleted or moved).") { id };
        delete.SetAction(parse =>
        {
            using var session = KpiCommandSession.Open(parse.GetValue(CommonOptions.Db)!, parse.GetValue(CommonOptions.Workspace)!, context);
            if (session is null || Goals(session, context) is not { } goals)
            {
                return 1;
            }

            var goalId = parse.GetValue(id)!;
            var (deleted, children) = GoalEditor.Delete(goals, session.Workspace, goalId);
            if (children.Count > 0)
            {
                context.Error.WriteLine($"error: goal '{goalId}' has sub-goals ({string.Join(", ", children)}): delete them, or set them another --parent, first.");
                return 2;
            }

            if (!deleted)
            {
                context.Error.WriteLine($"error: no goal '{goalId}' in workspace '{session.Workspace.Name}'.");
                return 2;
            }

            context.Out.WriteLine($"Deleted goal '{goalId}'.");
            return 0;
        });
        return delete;
    }
}
