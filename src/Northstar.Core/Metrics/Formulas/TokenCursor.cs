namespace Northstar.Core.Metrics.Formulas;

/// <summary>The parser's position in the token list, and the errors found so far.</summary>
internal sealed class TokenCursor(IReadOnlyList<Token> tokens)
{
    private int _index;

    public List<FormulaError> Errors { get; } = [];

    public Token Current => tokens[_index];

    /// <summary>The token before <see cref="Current"/>, if any.</summary>
    public Token? Previous => _index > 0 ? tokens[_index - 1] : null;

    /// <summary>Returns <see cref="Current"/> and moves past it (never past the end token).</summary>
    public Token Next()
    {
        var token = tokens[_index];
        if (token.Kind != TokenKind.End)
        {
            _index++;
        }

        return token;
    }

    public void Error(Token at, string reason) => Errors.Add(new FormulaError(at.Position, at.Length, reason));
}
