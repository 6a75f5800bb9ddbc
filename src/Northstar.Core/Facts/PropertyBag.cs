using System.Collections;

namespace Northstar.Core.Facts;

/// <summary>
/// The extra columns of an imported row (IMPORT.md: unknown columns are kept as properties).
/// Immutable, sorted by name, compared by value so that facts round-trip with record equality.
/// </summary>
public sealed class PropertyBag : IEquatable<PropertyBag>, IReadOnlyList<KeyValuePair<string, string>>
{
    private readonly KeyValuePair<string, string>[] _items;

    /// <summary>The bag with no properties.</summary>
    public static PropertyBag Empty { get; } = new([]);

    private PropertyBag(KeyValuePair<string, string>[] items) => _items = items;

    /// <summary>Builds a bag; later duplicates of a name replace earlier ones.</summary>
    public static PropertyBag From(IEnumerable<KeyValuePair<string, string>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in items)
        {
            map[k] = v;
        }

        return map.Count == 0 ? Empty : new PropertyBag([.. map]);
    }

    public int Count => _items.Length;

    public KeyValuePair<string, string> this[int index] => _items[index];

    /// <summary>The value of a property, or null.</summary>
    public string? Get(string name)
    {
        foreach (var (k, v) in _items)
        {
            if (k == name)
            {
                return v;
            }
        }

        return null;
    }

    public bool Equals(PropertyBag? other) =>
        other is not null && _items.AsSpan().SequenceEqual(other._items);

    public override bool Equals(object? obj) => Equals(obj as PropertyBag);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(";", _items.Select(p => $"{p.Key}={p.Value}"));
}
