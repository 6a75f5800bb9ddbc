namespace Northstar.Core.Metrics.Formulas;

/// <summary>
/// Parses the filter bracket after a measure name: <c>[channel = "email", kind not in ("service")]</c>.
/// Filters come back in canonical order (by dimension, values sorted and distinct); null means a syntax error was recorded.
/// </summary>
internal sealed class FilterGrammar(TokenCursor cursor)
{
    public IReadOnlyList<Filter>? Parse(string measure, MeasureInfo? info)
    {
        var open = cursor.Next();
        var filters = new List<Filter>();
        while (true)
        {
            if (ParseFilter(measure, info) is not { } filter)
            {
                return null;
            }

            filters.Add(filter);
            var separator = cursor.Current;
            if (separator.Kind == TokenKind.Comma || separator.IsKeyword("and"))
            {
                cursor.Next();
                continue;
            }

            if (separator.Kind == TokenKind.CloseBracket)
            {
                cursor.Next();
                return [.. filters.OrderBy(f => f.Dimension, StringComparer.Ordinal).ThenBy(f => f.Negated)];
            }

            var reason = separator.Kind == TokenKind.End
                ? "unmatched opening bracket"
                : $"expected \",\", \"and\" or \"]\" but found {separator.Describe()}";
            cursor.Error(separator.Kind == TokenKind.End ? open : separator, reason);
            return null;
        }
    }

    private Filter? ParseFilter(string measure, MeasureInfo? info)
    {
        var dimension = cursor.Current;
        if (dimension.Kind != TokenKind.Identifier)
        {
            cursor.Error(dimension, $"expected a dimension but found {dimension.Describe()}");
            return null;
        }

        cursor.Next();
        CheckDimension(dimension, measure, info);
        var op = cursor.Next();
        IReadOnlyList<string>? values;
        bool negated;
        if (op.Kind is TokenKind.Equal or TokenKind.NotEqual)
        {
            negated = op.Kind == TokenKind.NotEqual;
            values = ParseValue() is { } value ? [value] : null;
        }
        else if (op.IsKeyword("in") || (op.IsKeyword("not") && cursor.Current.IsKeyword("in")))
        {
            negated = op.IsKeyword("not");
            if (negated)
            {
                cursor.Next();
            }

            values = ParseList();
        }
        else
        {
            cursor.Error(op, $"expected \"=\", \"!=\", \"in\" or \"not in\" after the dimension but found {op.Describe()}");
            return null;
        }

        return values is null
            ? null
            : new Filter(dimension.Text, [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], negated);
    }

    private void CheckDimension(Token dimension, string measure, MeasureInfo? info)
    {
        if (!Dimensions.All.Contains(dimension.Text, StringComparer.Ordinal))
        {
            cursor.Error(dimension, $"unknown dimension \"{dimension.Text}\"{Suggestions.DidYouMean(dimension.Text, Dimensions.All)}");
        }
        else if (info is not null && !info.Dimensions.Contains(dimension.Text, StringComparer.Ordinal))
        {
            var allowed = info.Dimensions.Count == 0
                ? "it cannot be filtered"
                : $"it can be filtered by {string.Join(", ", info.Dimensions)}";
            cursor.Error(dimension, $"{measure} cannot be filtered by {dimension.Text} ({allowed})");
        }
    }

    /// <summary>
    /// A string value. A bare word or number is reported but read as the value, so the parse goes on
    /// and finds the formula's other mistakes.
    /// </summary>
    private string? ParseValue()
    {
        var token = cursor.Current;
        if (token.Kind == TokenKind.String)
        {
            cursor.Next();
            return token.Text;
        }

        if (token.Kind is TokenKind.Identifier or TokenKind.Number)
        {
            cursor.Next();
            cursor.Error(token, $"a filter value must be a string in double quotes: \"{token.Text}\"");
            return token.Text;
        }

        cursor.Error(token, $"expected a string in double quotes but found {token.Describe()}");
        return null;
    }

    private List<string>? ParseList()
    {
        var open = cursor.Current;
        if (open.Kind != TokenKind.OpenParen)
        {
            cursor.Error(open, $"expected \"(\" after \"in\" but found {open.Describe()}");
            return null;
        }

        cursor.Next();
        var values = new List<string>();
        while (true)
        {
            if (ParseValue() is not { } value)
            {
                return null;
            }

            values.Add(value);
            var next = cursor.Next();
            if (next.Kind == TokenKind.CloseParen)
            {
                return values;
            }

            if (next.Kind != TokenKind.Comma)
            {
                cursor.Error(next.Kind == TokenKind.End ? open : next, next.Kind == TokenKind.End
                    ? "unmatched opening parenthesis"
                    : $"expected \",\" or \")\" but found {next.Describe()}");
                return null;
            }
        }
    }
}
