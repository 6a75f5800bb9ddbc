using Spectre.Console;

namespace Northstar.Cli.Output;

/// <summary>Writes a report's sections as console tables or as Markdown.</summary>
internal static class SectionRender
{
    public static void Table(IAnsiConsole console, IReadOnlyList<ReportSection> sections)
    {
        Output.WideConsole.Widen(console);
        foreach (var section in sections)
        {
            console.WriteLine(section.Title);
            foreach (var line in section.Lines)
            {
                console.WriteLine("  " + line);
            }

            if (section.Headers.Count > 0)
            {
                var table = new Table();
                foreach (var (header, i) in section.Headers.Select((h, i) => (h, i)))
                {
                    var column = new TableColumn(Markup.Escape(header));
                    table.AddColumn(i == 0 || header is "Source" or "Why" or "Problem" or "Improve" ? column : column.RightAligned());
                }

                foreach (var row in section.Rows)
                {
                    table.AddRow([.. row.Select(Markup.Escape)]);
                }

                console.Write(table);
            }

            console.WriteLine();
        }
    }

    public static void Markdown(TextWriter writer, IReadOnlyList<ReportSection> sections)
    {
        foreach (var section in sections)
        {
            writer.WriteLine($"## {section.Title}");
            writer.WriteLine();
            foreach (var line in section.Lines)
            {
                writer.WriteLine("- " + Cell(line));
            }

            if (section.Headers.Count > 0)
            {
                writer.WriteLine();
                writer.WriteLine("| " + string.Join(" | ", section.Headers.Select(Cell)) + " |");
                writer.WriteLine("|" + string.Concat(section.Headers.Select((_, i) => i == 0 ? " --- |" : " ---: |")));
                foreach (var row in section.Rows)
                {
                    writer.WriteLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
                }
            }

            writer.WriteLine();
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
