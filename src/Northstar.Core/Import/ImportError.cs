namespace Northstar.Core.Import;

/// <summary>
/// One problem with an input file: a bad cell, a bad row, or the whole file (<paramref name="Line"/> 0).
/// </summary>
/// <param name="File">The file's name as given (no directory).</param>
/// <param name="Line">Physical line, 1-based (the header is line 1; a record spanning lines reports its first); 0 for the file as a whole.</param>
/// <param name="Column">The column's header as written in the file, or null when the problem is not one cell's.</param>
/// <param name="Reason">What is wrong, quoting the offending value.</param>
public sealed record ImportError(string File, int Line, string? Column, string Reason)
{
    /// <summary>E.g. <c>events.csv:14: column 'timestamp': '2025-13-01' is not a date (expected ISO 8601)</c>.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        return Column is null ? $"{where}: {Reason}" : $"{where}: column '{Column}': {Reason}";
    }
}
