namespace Northstar.Core.Metrics.Formulas;

internal enum TokenKind
{
    Number,
    Identifier,
    String,
    Plus,
    Minus,
    Star,
    Slash,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    Equal,
    NotEqual,
    End,
}
