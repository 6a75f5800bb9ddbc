using System.Globalization;
using System.Text;

namespace Northstar.Core.Metrics.Formulas;

/// <summary>Cuts a formula into tokens; stops at the first character it cannot read.</summary>
internal sealed class FormulaLexer(string text, int maxTokens)
{
    private readonly List<Token> _tokens = [];
    private int _at;

    /// <summary>The tokens, ending with <see cref="TokenKind.End"/>, or the error that stopped the lexer.</summary>
    public (IReadOnlyList<Token>? Tokens, FormulaError? Error) Run()
    {
        while (true)
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }

            if (_at == text.Length)
            {
                _tokens.Add(new Token(TokenKind.End, "", _at, 0));
                return (_tokens, null);
            }

            if (_tokens.Count == maxTokens)
            {
                return (null, new FormulaError(_at, text.Length - _at, $"the formula is too long (over {maxTokens} names, numbers and symbols)"));
            }

            var error = ReadToken();
            if (error is not null)
            {
                return (null, error);
            }
        }
    }

    private FormulaError? ReadToken()
    {
        var c = text[_at];
        if (char.IsAsciiDigit(c))
        {
            return ReadNumber();
        }

        if (char.IsAsciiLetter(c))
        {
            var start = _at;
            while (_at < text.Length && (char.IsAsciiLetterOrDigit(text[_at]) || text[_at] == '_'))
            {
                _at++;
            }

            Add(TokenKind.Identifier, start);
            return null;
        }

        return c == '"' ? ReadString() : ReadSymbol(c);
    }

    private FormulaError? ReadSymbol(char c)
    {
        var start = _at;
        TokenKind? kind = c switch
        {
            '+' => TokenKind.Plus,
            '-' => TokenKind.Minus,
            '*' => TokenKind.Star,
            '/' => TokenKind.Slash,
            '(' => TokenKind.OpenParen,
            ')' => TokenKind.CloseParen,
            '[' => TokenKind.OpenBracket,
            ']' => TokenKind.CloseBracket,
            ',' => TokenKind.Comma,
            '=' => TokenKind.Equal,
            '!' when Peek(1) == '=' => TokenKind.NotEqual,
            _ => null,
        };
        if (kind is null)
        {
            var shown = char.IsSurrogate(c) ? text.Substring(_at, Math.Min(2, text.Length - _at)) : c.ToString();
            return new FormulaError(start, shown.Length, $"unexpected character \"{shown}\"");
        }

        _at += kind == TokenKind.NotEqual ? 2 : 1;
        Add(kind.Value, start);
        return null;
    }

    private FormulaError? ReadNumber()
    {
        var start = _at;
        SkipDigits();
        if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _at++;
            SkipDigits();
        }

        if (Peek(0) is 'e' or 'E')
        {
            var digitAt = Peek(1) is '+' or '-' ? 2 : 1;
            if (char.IsAsciiDigit(Peek(digitAt)))
            {
                _at += digitAt;
                SkipDigits();
            }
        }

        if (Peek(0) is ',' or '_' && char.IsAsciiDigit(Peek(1)))
        {
            return ThousandsSeparator(start);
        }

        var value = double.Parse(text.AsSpan(start, _at - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            return new FormulaError(start, _at - start, "the number is too large");
        }

        _tokens.Add(new Token(TokenKind.Number, text[start.._at], start, _at - start, value));
        return null;
    }

    /// <summary>A number written with "," or "_" between digits: thousands separators, or a decimal comma.</summary>
    private FormulaError ThousandsSeparator(int start)
    {
        var groups = 0;
        var allThree = true;
        while (Peek(0) is ',' or '_' or '.' && char.IsAsciiDigit(Peek(1)))
        {
            var separator = Peek(0);
            var groupStart = ++_at;
            SkipDigits();
            groups++;
            allThree &= separator == '.' || _at - groupStart == 3;
        }

        var written = text[start.._at];
        if (groups == 1 && !allThree && written.Contains(',', StringComparison.Ordinal))
        {
            var dotted = written.Replace(',', '.');
            return new FormulaError(start, written.Length, $"decimals are written with a dot: {dotted}, not {written}");
        }

        var digits = written.Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return new FormulaError(start, written.Length, $"numbers are written without thousands separators: {digits}, not {written}");
    }

    private FormulaError? ReadString()
    {
        var start = _at++;
        var value = new StringBuilder();
        while (_at < text.Length)
        {
            var c = text[_at];
            if (c == '"')
            {
                _at++;
                _tokens.Add(new Token(TokenKind.String, value.ToString(), start, _at - start));
                return null;
            }

            if (c == '\\')
            {
                if (Peek(1) is not ('"' or '\\'))
                {
                    return new FormulaError(_at, Math.Min(2, text.Length - _at), "in a string, a backslash must be followed by \" or \\");
                }

                c = text[_at + 1];
                _at++;
            }

            value.Append(c);
            _at++;
        }

        return new FormulaError(start, text.Length - start, "unterminated string: it has no closing \"");
    }

    private void SkipDigits()
    {
        while (_at < text.Length && char.IsAsciiDigit(text[_at]))
        {
            _at++;
        }
    }

    private char Peek(int ahead) => _at + ahead < text.Length ? text[_at + ahead] : '\0';

    private void Add(TokenKind kind, int start) => _tokens.Add(new Token(kind, text[start.._at], start, _at - start));
}
