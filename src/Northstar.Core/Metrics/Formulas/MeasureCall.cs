namespace Northstar.Core.Metrics.Formulas;

/// <summary>
/// One measure under one set of filters, as a formula uses it. Two calls are equal when they name the
/// same measure with the same filters, so the engine computes each once. The parser sorts the filters
/// (by dimension) and their values (ordinal) so that equal meanings give equal calls.
/// </summary>
public sealed record MeasureCall(string Name, IReadOnlyList<Filter> Filters)
{
    /// <summary>Value equality, filters compared by dimension, values and negation.</summary>
    public bool Equals(MeasureCall? other)
    {
        if (other is null || !string.Equals(Name, other.Name, StringComparison.Ordinal) || Filters.Count != other.Filters.Count)
        {
            return false;
        }

        for (var i = 0; i < Filters.Count; i++)
        {
            if (!SameFilter(Filters[i], other.Filters[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name, StringComparer.Ordinal);
        foreach (var filter in Filters)
        {
            hash.Add(filter.Dimension, StringComparer.Ordinal);
            hash.Add(filter.Negated);
            foreach (var value in filter.Values)
            {
                hash.Add(value, StringComparer.Ordinal);
            }
        }

        return hash.ToHashCode();
    }

    /// <summary>As formulas write it: <c>spend[channel = "email", kind != "service"]</c>.</summary>
    public override string ToString() =>
        Filters.Count == 0 ? Name : $"{Name}[{string.Join(", ", Filters.Select(FormulaText.Filter))}]";

    private static bool SameFilter(Filter a, Filter b) =>
        string.Equals(a.Dimension, b.Dimension, StringComparison.Ordinal)
        && a.Negated == b.Negated
        && a.Values.SequenceEqual(b.Values, StringComparer.Ordinal);
}
