using System.CommandLine;
using Northstar.Core.Metrics;

namespace Northstar.Cli.Commands;

internal static partial class KpiCommand
{
    /// <summary><c>kpi define &lt;id&gt;</c>: checks a formula and saves it as the workspace's custom KPI.</summary>
    private static Command Define(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "snake_case id of the new KPI, e.g. cost_per_demo." };
        var formula = new Option<string>("--formula") { Description = "e.g. 'spend[channel = \"paid_search\"] / meetings_booked'.", Required = true };
        var name = new Option<string>("--name") { Description = "Display name.", Required = true };
        var unit = new Option<string>("--unit") { Description = "count, money, ratio, days or score: must be the unit the formula gives.", Required = true };
        unit.AcceptOnlyFromAmong([.. CustomKpiCheck.UnitNames]);
        var direction = new Option<string>("--direction") { Description = "up (higher is better), down or neutral.", Required = true };
        direction.AcceptOnlyFromAmong([.. CustomKpiCheck.DirectionNames]);
        var description = new Option<string?>("--description") { Description = "One line saying what it measures (default: the formula)." };
        var define = new Command("define", "Save a custom KPI written as a formula over measures.") { id, formula, name, unit, direction, description };
        define.SetAction(parse =>
        {
            using var session = KpiCommandSession.Open(parse.GetValue(CommonOptions.Db)!, parse.GetValue(CommonOptions.Workspace)!, context);
            if (session is null)
            {
                return 1;
            }

            var text = parse.GetValue(formula)!;
            var declared = Enum.Parse<KpiUnit>(parse.GetValue(unit)!, ignoreCase: true);
            var kpi = new KpiDefinition(
                parse.GetValue(id)!, parse.GetValue(name)!, declared, CustomKpiCheck.Direction(parse.GetValue(direction)) ?? KpiDirection.UpIsGood, parse.GetValue(description) ?? text, [])
            {
                Formula = text,
            };
            if (!Check(context, session.Engine, kpi))
            {
                return 2;
            }

            if (session.RequireCustom(context) is not { } custom)
            {
                return 1;
            }

            custom.SaveCustomKpi(session.Workspace, kpi);
            context.Out.WriteLine($"Saved custom KPI '{kpi.Id}' ({CustomKpiCheck.UnitName(kpi.Unit)}, {CustomKpiCheck.DirectionName(kpi.Direction)}) in workspace '{session.Workspace.Name}'.");
            context.Out.WriteLine($"Try: northstar kpi {kpi.Id} --period last-quarter");
            return 0;
        });
        return define;
    }

    /// <summary><c>kpi undefine &lt;id&gt;</c>: deletes a custom KPI.</summary>
    private static Command Undefine(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The custom KPI's id." };
        var undefine = new Command("undefine", "Delete a custom KPI.") { id };
        undefine.SetAction(parse =>
        {
            var db = parse.GetValue(CommonOptions.Db)!;
            if (!StoreAccess.Exists(db))
            {
                context.Error.WriteLine($"error: no database at '{db}'.");
                return 1;
            }

            // No custom KPIs loaded here: one whose formula no longer parses must still be removable.
            using var store = StoreAccess.Open(db);
            var workspace = StoreAccess.Existing(store, parse.GetValue(CommonOptions.Workspace)!, context);
            if (workspace is null)
            {
                return 1;
            }

            var kpi = parse.GetValue(id)!;
            if (new MetricsEngine(store, workspace).Find(kpi) is not null)
            {
                context.Error.WriteLine($"error: '{kpi}' is a built-in KPI; only custom KPIs can be removed.");
                return 2;
            }

            if (store is not ICustomKpiStore custom)
            {
                context.Error.WriteLine("error: this database cannot keep custom KPIs yet.");
                return 1;
            }

            if (!custom.DeleteCustomKpi(workspace, kpi))
            {
                context.Error.WriteLine($"error: workspace '{workspace.Name}' has no custom KPI '{kpi}' (built-in KPIs cannot be removed).");
                return 2;
            }

            context.Out.WriteLine($"Deleted custom KPI '{kpi}'.");
            return 0;
        });
        return undefine;
    }

    /// <summary>True when the KPI can be saved; otherwise every problem is printed.</summary>
    private static bool Check(CliContext context, MetricsEngine engine, KpiDefinition kpi)
    {
        var (idProblem, errors) = CustomKpiCheck.Check(engine, kpi);
        if (idProblem is not null)
        {
            context.Error.WriteLine($"error: {idProblem}.");
            return false;
        }

        if (errors.Count > 0)
        {
            context.Error.WriteLine($"error: the formula of '{kpi.Id}' is not valid:");
        }

        foreach (var error in errors)
        {
            context.Error.WriteLine(error.Render(kpi.Formula!));
        }

        return errors.Count == 0;
    }
}
