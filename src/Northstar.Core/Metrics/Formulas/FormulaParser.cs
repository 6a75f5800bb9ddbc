namespace Northstar.Core.Metrics.Formulas;

/// <summary>
/// Parses and unit-checks custom KPI formulas.
/// <para>
/// Grammar: <c>sum := product (("+" | "-") product)*</c>; <c>product := unary (("*" | "/") unary)*</c>;
/// <c>unary := "-" unary | atom</c>; <c>atom := number | measure | "(" sum ")"</c>;
/// <c>measure := name ("[" filter (("," | "and") filter)* "]")?</c>;
/// <c>filter := dimension ("=" | "!=") string | dimension ("in" | "not in") "(" string ("," string)* ")"</c>.
/// Numbers are <c>12</c>, <c>0.5</c> or <c>1e3</c>, without thousands separators; strings are in double
/// quotes with <c>\"</c> and <c>\\</c> escapes; names are snake_case; whitespace is free.
/// </para>
/// </summary>
public static class FormulaParser
{
    /// <summary>
    /// Most names, numbers, strings and symbols a formula may have. The limit is on tokens, not characters,
    /// so that the canonical text (which adds spaces, never tokens) of an accepted formula is accepted too.
    /// </summary>
    public const int MaxTokens = 4_000;

    /// <summary>Deepest nesting of parentheses and unary minus accepted.</summary>
    public const int MaxDepth = 100;

    /// <summary>
    /// Parses <paramref name="text"/> against the measures of <paramref name="catalog"/>: the formula,
    /// or every error found with its position. Syntax errors stop the parse at the first one; unknown
    /// measures, unknown or unfilterable dimensions and unit mismatches are all reported.
    /// </summary>
    public static FormulaParseResult Parse(string text, IMeasureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(text))
        {
            return FormulaParseResult.Failure([new FormulaError(0, text.Length, "the formula is empty")]);
        }

        var (tokens, lexError) = new FormulaLexer(text, MaxTokens).Run();
        if (tokens is null)
        {
            return FormulaParseResult.Failure([lexError!]);
        }

        var cursor = new TokenCursor(tokens);
        var root = new FormulaGrammar(cursor, catalog).ParseFormula();
        if (cursor.Errors.Count > 0 || root is null)
        {
            return FormulaParseResult.Failure(cursor.Errors);
        }

        if (root.Value.Unit is not { } unit)
        {
            // Unreachable: an unknown unit always comes with an error; kept so a bug cannot produce a formula without one.
            return FormulaParseResult.Failure([new FormulaError(0, text.Length, "the formula's unit could not be inferred")]);
        }

        if (unit == ValueUnit.Number)
        {
            return FormulaParseResult.Failure([new FormulaError(0, text.Length, "a KPI needs at least one measure")]);
        }

        return FormulaParseResult.Success(new Formula(text, root.Value.Node, unit));
    }
}
