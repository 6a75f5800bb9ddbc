namespace Northstar.Cli.Output;

/// <summary>One block of a report (the plan, the quarterly report): a title, lines of text, and a table (headers may be empty for text only).</summary>
internal sealed record ReportSection(string Title, IReadOnlyList<string> Lines, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
