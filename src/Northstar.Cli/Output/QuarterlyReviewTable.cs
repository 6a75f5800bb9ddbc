using Northstar.Core.Reports;
using Spectre.Console;

namespace Northstar.Cli.Output;

/// <summary>The quarterly review as a console table: a KPI a row, a month a column, then quarter, previous quarter, change and trend.</summary>
internal static class QuarterlyReviewTable
{
    public static void Write(IAnsiConsole console, QuarterlyReview review)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(review);
        WideConsole.Widen(console);
        var table = new Table().Title(Markup.Escape($"Quarterly review {review.Period} (against {review.PreviousPeriod})"));
        table.AddColumn("KPI");
        foreach (var month in review.Months)
        {
            table.AddColumn(new TableColumn(Markup.Escape(month.Label + (month.Incomplete ? "*" : ""))).RightAligned());
        }

        var incomplete = review.Months.Any(m => m.Incomplete);
        table.AddColumn(new TableColumn(Markup.Escape(review.Period + (incomplete ? "*" : ""))).RightAligned());
        table.AddColumn(new TableColumn(Markup.Escape(review.PreviousPeriod)).RightAligned());
        table.AddColumn(new TableColumn("change").RightAligned());
        table.AddColumn(new TableColumn("%").RightAligned());
        table.AddColumn("");
        table.AddColumn("trend");
        foreach (var row in review.Rows)
        {
            var whole = ValueFormat.WholeMoney([.. row.Months, row.Total, row.Change?.Previous]);
            var cells = new List<string> { Markup.Escape(row.Name) };
            cells.AddRange(row.Months.Select(v => ValueFormat.Value(v, row.Unit, whole)));
            cells.Add(ValueFormat.Value(row.Total, row.Unit, whole));
            cells.Add(ValueFormat.Value(row.Change?.Previous, row.Unit, whole));
            cells.Add(Markup.Escape(ValueFormat.Absolute(row.Change?.Absolute, row.Unit, whole)));
            cells.Add(Markup.Escape(ValueFormat.Relative(row.Change?.Relative)));
            cells.Add(ValueFormat.VerdictMarkup(row.Change));
            cells.Add(Sparkline.Render(row.Months));
            table.AddRow([.. cells]);
        }

        console.Write(table);
        if (incomplete)
        {
            console.WriteLine("* incomplete: the value can still change.");
        }

        foreach (var note in review.Notes)
        {
            console.WriteLine("note: " + note);
        }
    }
}
