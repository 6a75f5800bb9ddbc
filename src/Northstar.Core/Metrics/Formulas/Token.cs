namespace Northstar.Core.Metrics.Formulas;

/// <summary>
/// One token of a formula. <see cref="Text"/> is the source text, except for strings where it is the
/// unescaped value; <see cref="Number"/> is set for numbers.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, int Length, double Number = 0)
{
    public bool IsKeyword(string keyword) => Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.Ordinal);

    public bool IsBinaryOperator => Kind is TokenKind.Plus or TokenKind.Minus or TokenKind.Star or TokenKind.Slash;

    /// <summary>How error messages name the token.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the formula",
        TokenKind.String => "a string",
        TokenKind.Number => $"the number {Text}",
        _ => $"\"{Text}\"",
    };
}
