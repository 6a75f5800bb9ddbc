using Northstar.Core.Metrics;

namespace Northstar.Cli.Output;

/// <summary>
/// A <see cref="KpiResult"/> as flat CSV: one line per group and bucket, then per group its
/// <c>total</c> over the period and, with a comparison, its <c>previous</c> value. The overall
/// row of a breakdown is the group <c>(all)</c>. <c>end</c> is the last day, included.
/// </summary>
internal static class KpiResultCsv
{
    public const string AllGroups = "(all)";

    public static void Write(TextWriter writer, KpiResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        CsvWriter.Line(writer, "kpi", "group", "bucket", "start", "end", "value", "incomplete");
        var rows = result.Overall is { } overall ? result.Rows.Append(overall with { Group = AllGroups }) : result.Rows;
        foreach (var row in rows)
        {
            WriteRow(writer, result, row);
        }
    }

    private static void WriteRow(TextWriter writer, KpiResult result, KpiRow row)
    {
        var id = result.Kpi.Id;
        for (var i = 0; i < result.Columns.Count; i++)
        {
            var column = result.Columns[i];
            CsvWriter.Line(writer, id, row.Group, column.Label, ValueFormat.Day(column.Range.Start), ValueFormat.LastDay(column.Range), ValueFormat.Raw(row.Values[i]), Flag(column.Incomplete));
        }

        var range = result.Query.Range;
        var incomplete = result.Columns.Any(c => c.Incomplete);
        CsvWriter.Line(writer, id, row.Group, "total", ValueFormat.Day(range.Start), ValueFormat.LastDay(range), ValueFormat.Raw(row.Total), Flag(incomplete));
        if (result.Query.CompareWith is { } compare)
        {
            CsvWriter.Line(writer, id, row.Group, "previous", ValueFormat.Day(compare.Start), ValueFormat.LastDay(compare), ValueFormat.Raw(row.Change?.Previous), Flag(false));
        }
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
