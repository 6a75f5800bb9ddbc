using System.CommandLine;
using Northstar.Cli.Output;
using Northstar.Core.Metrics;
using Spectre.Console;

namespace Northstar.Cli.Commands;

internal static partial class KpiCommand
{
    /// <summary><c>kpi list</c>: every KPI of the workspace: built-in ones, then custom ones (marked).</summary>
    private static Command List(CliContext context)
    {
        var format = new Option<ResultFormat>("--format") { Description = "table (default), json or csv.", DefaultValueFactory = _ => ResultFormat.Table };
        var list = new Command("list", "List every KPI: id, name, unit, direction, dimensions and definition.") { format };
        list.SetAction(parse =>
        {
            using var session = KpiCommandSession.Open(parse.GetValue(CommonOptions.Db)!, parse.GetValue(CommonOptions.Workspace)!, context);
            if (session is null)
            {
                return 1;
            }

            WriteList(context, session.Engine.Kpis, parse.GetValue(format));
            return 0;
        });
        return list;
    }

    private static void WriteList(CliContext context, IReadOnlyList<KpiDefinition> kpis, ResultFormat format)
    {
        switch (format)
        {
            case ResultFormat.Json:
                Json.Write(context.Out, kpis);
                return;
            case ResultFormat.Csv:
                CsvWriter.Line(context.Out, "id", "name", "unit", "direction", "custom", "dimensions", "definition", "formula");
                foreach (var k in kpis)
                {
                    CsvWriter.Line(context.Out, k.Id, k.Name, CustomKpiCheck.UnitName(k.Unit), CustomKpiCheck.DirectionName(k.Direction), k.IsCustom ? "true" : "false", string.Join(';', k.Dimensions), k.Definition, k.Formula ?? "");
                }

                return;
            default:
                WideConsole.Widen(context.Console);
                var table = new Table().Title($"{kpis.Count} KPIs");
                table.AddColumn("id").AddColumn("name").AddColumn("unit").AddColumn("direction").AddColumn("dimensions").AddColumn("definition");
                foreach (var k in kpis)
                {
                    var definition = !k.IsCustom ? k.Definition
                        : k.Definition == k.Formula ? $"(custom) {k.Formula}"
                        : $"(custom) {k.Formula}: {k.Definition}";
                    table.AddRow(
                        Markup.Escape(k.Id), Markup.Escape(k.Name), CustomKpiCheck.UnitName(k.Unit), CustomKpiCheck.DirectionName(k.Direction),
                        Markup.Escape(string.Join(", ", k.Dimensions)), Markup.Escape(definition));
                }

                context.Console.Write(table);
                return;
        }
    }
}
