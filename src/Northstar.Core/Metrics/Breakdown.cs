namespace Northstar.Core.Metrics;

/// <summary>How a KPI's facts are narrowed (filters, all must hold) and grouped (by one dimension, or not at all).</summary>
public sealed record Breakdown(string? By, IReadOnlyList<Filter> Filters)
{
    /// <summary>No filter, no grouping: one total.</summary>
    public static Breakdown None { get; } = new(null, []);

    /// <summary>The group key used when there is no grouping.</summary>
    public const string Total = "";

    /// <summary>True when the fact passes every filter; <paramref name="valueOf"/> gives a dimension's value for the fact.</summary>
    public bool Accepts<T>(T fact, Func<T, string, string?> valueOf)
    {
        foreach (var filter in Filters)
        {
            if (!filter.Accepts(valueOf(fact, filter.Dimension)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The group a fact falls into.</summary>
    public string GroupOf<T>(T fact, Func<T, string, string?> valueOf)
    {
        if (By is null)
        {
            return Total;
        }

        var value = valueOf(fact, By);
        return string.IsNullOrEmpty(value) ? Dimensions.None : value;
    }

    /// <summary>
    /// Equal when the grouping and the filters (in order, each by value) are: a context keeps what
    /// it works out per breakdown (cohorts, groups), and a dashboard asks the same breakdown with
    /// a new list every time; compared by reference, each ask would keep another copy.
    /// </summary>
    public bool Equals(Breakdown? other) =>
        other is not null && By == other.By && Filters.SequenceEqual(other.Filters);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(By, StringComparer.Ordinal);
        foreach (var filter in Filters)
        {
            hash.Add(filter);
        }

        return hash.ToHashCode();
    }

    /// <summary>The same grouping with one more filter.</summary>
    public Breakdown With(IReadOnlyList<Filter> extra) => extra.Count == 0 ? this : this with { Filters = [.. Filters, .. extra] };
}
