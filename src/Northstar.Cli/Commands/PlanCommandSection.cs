namespace Northstar.Cli.Commands;

/// <summary>One block of the plan's output: a title, lines of text, and a table (headers may be empty for text only).</summary>
internal sealed record PlanCommandSection(string Title, IReadOnlyList<string> Lines, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
