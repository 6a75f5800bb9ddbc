namespace Northstar.Core.Import.Mapping;

/// <summary>The header of a file: each column's name as written and as matched (<see cref="CanonicalLayout.NormalizeHeader"/>).</summary>
internal sealed class ColumnSet
{
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<int> _claimed = [];

    public ColumnSet(IReadOnlyList<string> headers)
    {
        Headers = headers;
        Names = [.. headers.Select((h, i) => h.Trim().Length == 0 ? $"column_{i + 1}" : CanonicalLayout.NormalizeHeader(h))];
        for (var i = 0; i < Names.Count; i++)
        {
            if (!_byName.TryAdd(Names[i], i))
            {
                Duplicates.Add(headers[i]);
            }
        }
    }

    /// <summary>Headers as written in the file.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Normalised names, e.g. <c>contact_id</c>.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Headers that appear more than once (after normalisation).</summary>
    public List<string> Duplicates { get; } = [];

    public int Count => Names.Count;

    /// <summary>The index of the first column with one of these names, or -1; the column is then no property.</summary>
    public int Claim(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (_byName.TryGetValue(CanonicalLayout.NormalizeHeader(name), out var index))
            {
                _claimed.Add(index);
                return index;
            }
        }

        return -1;
    }

    /// <summary>The index of the first column with one of these names, or -1, leaving it a property too.</summary>
    public int Find(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (_byName.TryGetValue(CanonicalLayout.NormalizeHeader(name), out var index))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>The columns no mapper claimed: they become properties.</summary>
    public int[] Unclaimed() => [.. Enumerable.Range(0, Count).Where(i => !_claimed.Contains(i))];
}
