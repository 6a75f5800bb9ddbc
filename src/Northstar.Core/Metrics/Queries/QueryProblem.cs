namespace Northstar.Core.Metrics.Queries;

/// <summary>
/// Why a typed-in query cannot run: the input it is about, the reason, and for a period the text
/// and the position of the fault (what the CLI puts a caret under and the API returns).
/// </summary>
/// <param name="Parameter">The input at fault: <c>period</c>, <c>filter</c>, <c>by</c>, <c>compare</c>, ...</param>
/// <param name="Reason">What is wrong, as a sentence fragment quoting the value.</param>
/// <param name="Text">The text as typed, when the fault has a position in it.</param>
/// <param name="Position">0-based index of the fault in <paramref name="Text"/>, or null.</param>
public sealed record QueryProblem(string Parameter, string Reason, string? Text = null, int? Position = null)
{
    /// <summary>The text and, on the line below, a caret under the fault (both lines indented by two spaces), or null when the problem has no position.</summary>
    public string? Pointer() =>
        Text is { } text && Position is { } at ? $"  {text}\n  {new string(' ', Math.Clamp(at, 0, text.Length))}^" : null;
}
