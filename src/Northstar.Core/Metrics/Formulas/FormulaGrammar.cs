namespace Northstar.Core.Metrics.Formulas;

/// <summary>Recursive descent over the expression grammar of <see cref="FormulaParser"/>; a null result means a syntax error was recorded.</summary>
internal sealed class FormulaGrammar(TokenCursor cursor, IMeasureCatalog catalog)
{
    private int _depth;

    public TypedNode? ParseFormula()
    {
        var result = ParseSum();
        if (result is null)
        {
            return null;
        }

        var extra = cursor.Current;
        return extra.Kind switch
        {
            TokenKind.End => result,
            TokenKind.CloseParen => Fail(extra, "unmatched closing parenthesis"),
            _ => Fail(extra, $"expected an operator but found {extra.Describe()}"),
        };
    }

    private TypedNode? ParseSum() => ParseChain(ParseProduct, TokenKind.Plus, TokenKind.Minus);

    private TypedNode? ParseProduct() => ParseChain(ParseUnary, TokenKind.Star, TokenKind.Slash);

    /// <summary>Operands joined by either of two operators, grouped to the left.</summary>
    private TypedNode? ParseChain(Func<TypedNode?> operand, TokenKind first, TokenKind second)
    {
        var left = operand();
        while (left is not null && (cursor.Current.Kind == first || cursor.Current.Kind == second))
        {
            var opToken = cursor.Next();
            if (operand() is not { } right)
            {
                return null;
            }

            var op = opToken.Kind switch
            {
                TokenKind.Plus => BinaryOperator.Add,
                TokenKind.Minus => BinaryOperator.Subtract,
                TokenKind.Star => BinaryOperator.Multiply,
                _ => BinaryOperator.Divide,
            };
            left = new TypedNode(new BinaryNode(op, left.Value.Node, right.Node), CombineUnits(op, opToken, left.Value.Unit, right.Unit));
        }

        return left;
    }

    private ValueUnit? CombineUnits(BinaryOperator op, Token at, ValueUnit? left, ValueUnit? right)
    {
        if (left is null || right is null)
        {
            return null;
        }

        var (unit, error) = UnitRules.Combine(op, left.Value, right.Value);
        if (error is not null)
        {
            cursor.Error(at, error);
        }

        return unit;
    }

    private TypedNode? ParseUnary()
    {
        if (cursor.Current.Kind != TokenKind.Minus)
        {
            return ParseAtom();
        }

        var minus = cursor.Next();
        if (++_depth > FormulaParser.MaxDepth)
        {
            return Fail(minus, $"the formula nests too deeply (over {FormulaParser.MaxDepth} levels)");
        }

        var operand = ParseUnary();
        _depth--;
        return operand is { } typed ? new TypedNode(new NegateNode(typed.Node), typed.Unit) : null;
    }

    private TypedNode? ParseAtom()
    {
        var token = cursor.Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                cursor.Next();
                return new TypedNode(new NumberNode(token.Number), ValueUnit.Number);
            case TokenKind.Identifier:
                return ParseMeasure();
            case TokenKind.OpenParen:
                return ParseParenthesised();
            default:
                cursor.Errors.Add(MissingOperand(token));
                return null;
        }
    }

    private TypedNode? ParseParenthesised()
    {
        var open = cursor.Next();
        if (++_depth > FormulaParser.MaxDepth)
        {
            return Fail(open, $"the formula nests too deeply (over {FormulaParser.MaxDepth} levels)");
        }

        var inner = ParseSum();
        _depth--;
        if (inner is null)
        {
            return null;
        }

        var close = cursor.Current;
        return close.Kind switch
        {
            TokenKind.CloseParen => Consume(inner),
            TokenKind.End => Fail(open, "unmatched opening parenthesis"),
            _ => Fail(close, $"expected an operator or \")\" but found {close.Describe()}"),
        };
    }

    private TypedNode? ParseMeasure()
    {
        var name = cursor.Next();
        var info = catalog.Find(name.Text);
        if (info is null)
        {
            cursor.Error(name, $"unknown measure \"{name.Text}\"{Suggestions.DidYouMean(name.Text, catalog.Names)}");
        }

        IReadOnlyList<Filter> filters = [];
        if (cursor.Current.Kind == TokenKind.OpenBracket)
        {
            var parsed = new FilterGrammar(cursor).Parse(name.Text, info);
            if (parsed is null)
            {
                return null;
            }

            filters = parsed;
        }

        var call = new MeasureCall(name.Text, filters);
        return info is null
            ? new TypedNode(new MeasureNode(call, KpiUnit.Count), null)
            : new TypedNode(new MeasureNode(call, info.Unit), UnitRules.From(info.Unit));
    }

    /// <summary>Why no operand could start at <paramref name="token"/>.</summary>
    private FormulaError MissingOperand(Token token)
    {
        var previous = cursor.Previous;
        var operandMissing = token.Kind is TokenKind.End or TokenKind.CloseParen || token.IsBinaryOperator;
        if (previous is { IsBinaryOperator: true } op && operandMissing)
        {
            return new FormulaError(op.Position, op.Length, $"missing operand after \"{op.Text}\"");
        }

        if (previous is { Kind: TokenKind.OpenParen } open && token.Kind == TokenKind.End)
        {
            return new FormulaError(open.Position, open.Length, "unmatched opening parenthesis");
        }

        var reason = (previous is null or { Kind: TokenKind.OpenParen }) && token.IsBinaryOperator
            ? $"missing operand before \"{token.Text}\""
            : $"expected a measure, a number or \"(\" but found {token.Describe()}";
        return new FormulaError(token.Position, token.Length, reason);
    }

    private TypedNode? Consume(TypedNode? inner)
    {
        cursor.Next();
        return inner;
    }

    private TypedNode? Fail(Token at, string reason)
    {
        cursor.Error(at, reason);
        return null;
    }
}
