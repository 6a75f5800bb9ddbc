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

    /// <summary>
    /// Equal when the dimension, the values (in order) and the negation are: a filter parsed twice
    /// is the same filter (the lists differ), so that results worked out per breakdown are reused.
    /// </summary>
    public bool Equals(Filter? other) =>
        other is not null && Dimension == other.Dimension && Negated == other.Negated && Values.SequenceEqual(other.Values, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Dimension, StringComparer.Ordinal);
        hash.Add(Negated);
        foreach (var value in Values)
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
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
