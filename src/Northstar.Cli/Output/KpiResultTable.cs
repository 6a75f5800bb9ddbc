using Northstar.Core.Metrics;
using Spectre.Console;

namespace Northstar.Cli.Output;

/// <summary>
/// A <see cref="KpiResult"/> as a console table: one row per group with its bucket values, total,
/// comparison and a sparkline; incomplete buckets starred with a footnote; the notes below.
/// </summary>
internal static class KpiResultTable
{
    public static void Write(IAnsiConsole console, KpiResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        WideConsole.Widen(console);
        var unit = result.Kpi.Unit;
        var showBuckets = result.Columns.Count > 1;
        var compared = result.Query.CompareWith is not null;
        var title = $"{result.Kpi.Name} ({result.Kpi.Id}), {result.Query.Label ?? result.Query.Range.ToString()}";
        var table = new Table().Title(Markup.Escape(title));
        table.AddColumn(result.Query.By ?? "");
        if (showBuckets)
        {
            foreach (var column in result.Columns)
            {
                table.AddColumn(new TableColumn(Markup.Escape(column.Label + (column.Incomplete ? "*" : ""))).RightAligned());
            }
        }

        var totalIncomplete = result.Columns.Any(c => c.Incomplete);
        table.AddColumn(new TableColumn("total" + (totalIncomplete ? "*" : "")).RightAligned());
        if (compared)
        {
            table.AddColumn(new TableColumn(Markup.Escape(result.Query.CompareLabel ?? "previous")).RightAligned());
            table.AddColumn(new TableColumn("change").RightAligned());
            table.AddColumn(new TableColumn("%").RightAligned());
            table.AddColumn("");
        }

        if (showBuckets)
        {
            table.AddColumn("trend");
        }

        foreach (var row in result.Rows)
        {
            table.AddRow(Cells(row, result.Query.By is null ? "total" : row.Group, unit, showBuckets, compared));
        }

        if (result.Overall is { } overall)
        {
            table.AddEmptyRow();
            table.AddRow(Cells(overall, "(all)", unit, showBuckets, compared));
        }

        console.Write(table);
        Footer(console, result, totalIncomplete);
    }

    private static string[] Cells(KpiRow row, string label, KpiUnit unit, bool showBuckets, bool compared)
    {
        var whole = ValueFormat.WholeMoney([.. row.Values, row.Total, row.Change?.Previous]);
        var cells = new List<string> { Markup.Escape(label) };
        if (showBuckets)
        {
            cells.AddRange(row.Values.Select(v => ValueFormat.Value(v, unit, whole)));
        }

        cells.Add(ValueFormat.Value(row.Total, unit, whole));
        if (compared)
        {
            cells.Add(ValueFormat.Value(row.Change?.Previous, unit, whole));
            cells.Add(Markup.Escape(ValueFormat.Absolute(row.Change?.Absolute, unit, whole)));
            cells.Add(Markup.Escape(ValueFormat.Relative(row.Change?.Relative)));
            cells.Add(ValueFormat.VerdictMarkup(row.Change));
        }

        if (showBuckets)
        {
            cells.Add(Sparkline.Render(row.Values));
        }

        return [.. cells];
    }

    private static void Footer(IAnsiConsole console, KpiResult result, bool incomplete)
    {
        if (incomplete)
        {
            console.WriteLine("* incomplete: the value can still change.");
        }

        foreach (var note in result.Notes)
        {
            console.WriteLine("note: " + note);
        }
    }
}
