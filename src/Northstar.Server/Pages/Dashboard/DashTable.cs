namespace Northstar.Server.Pages.Dashboard;

/// <summary>
/// A table as a page shows it and as its "Export CSV" link downloads it: the same rows, each
/// cell with its display text and the exact value for the file (null: the text).
/// </summary>
/// <param name="Name">The table's id on its page (<c>?handler=Csv&amp;table=Name</c>) and the file's name.</param>
/// <param name="Title">The heading above it.</param>
/// <param name="Header">Column names.</param>
/// <param name="Rows">Cells, one list per row.</param>
public sealed record DashTable(string Name, string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<DashCell>> Rows)
{
    /// <summary>Rows to mark (e.g. the bottleneck), by index.</summary>
    public IReadOnlySet<int> Highlighted { get; init; } = new HashSet<int>();

    /// <summary>A line under the table (what the numbers are, a note).</summary>
    public string? Caption { get; init; }
}

/// <summary>One cell: what the page shows, and what the CSV file gets.</summary>
/// <param name="Text">The display text (formatted, rounded).</param>
/// <param name="Raw">The exact value for the file (invariant culture), or null to export <paramref name="Text"/>.</param>
public sealed record DashCell(string Text, string? Raw = null)
{
    /// <summary>A text cell.</summary>
    public static implicit operator DashCell(string text) => new(text);

    /// <summary>The value the CSV file gets.</summary>
    public string Export => Raw ?? Text;
}
