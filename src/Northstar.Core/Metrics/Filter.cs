namespace Northstar.Core.Metrics;

/// <summary>
/// Keeps the facts whose <see cref="Dimension"/> is one of <see cref="Values"/>
/// (or, when <see cref="Negated"/>, none of them). A fact without a value for the dimension has
/// the value <see cref="Dimensions.None"/>.
/// </summary>
public sealed record Filter(string Dimension, IReadOnlyList<string> Values, bool Negated = false)
{
    /// <summary>True when a fact with that dimension value passes.</summary>
    public bool Accepts(string? value)
    {
        var actual = string.IsNullOrEmpty(value) ? Dimensions.None : value;
        var listed = false;
        foreach (var candidate in Values)
        {
            if (string.Equals(candidate, actual, StringComparison.Ordinal))
            {
                listed = true;
                break;
            }
        }

        return listed != Negated;
    }

    /// <summary>As the formula language and the CLI write it: <c>channel = "email"</c>.</summary>
    public override string ToString()
    {
        var op = Negated ? "!=" : "=";
        return Values.Count == 1
            ? $"{Dimension} {op} \"{Values[0]}\""
            : $"{Dimension} {(Negated ? "not in" : "in")} ({string.Join(", ", Values.Select(v => $"\"{v}\""))})";
    }
}
