namespace Northstar.Core.Metrics.Formulas;

/// <summary>
/// What is wrong with a formula, and where: <see cref="Position"/> is the 0-based index of the first
/// character at fault in the formula's text and <see cref="Length"/> how many characters are at fault
/// (0 when something is missing at the end).
/// </summary>
public sealed record FormulaError(int Position, int Length, string Reason)
{
    /// <summary>
    /// The formula on one line and, under it, carets under the fault followed by the reason:
    /// what the CLI prints. Line breaks and tabs in the formula are shown as spaces.
    /// </summary>
    public string Render(string formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        // One space per control character (line breaks, tabs), so the carets stay under the position.
        var line = string.Create(formula.Length, formula, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) ? ' ' : text[i];
            }
        });
        var carets = new string('^', Math.Max(1, Length));
        return $"{line}{Environment.NewLine}{new string(' ', Position)}{carets} {Reason}";
    }
}
