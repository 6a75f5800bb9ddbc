namespace Northstar.Core.Metrics.Views;

/// <summary>
/// Strings numbered 0, 1, 2, ... in the order they are first seen: the values of
/// <see cref="StageTimes"/> (in memory and as a store keeps them) and the groups of a breakdown.
/// </summary>
public sealed class StringNumbers
{
    private readonly List<string> _all;
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

    /// <summary>Numbers these strings 0, 1, 2, ... (a store's values as it kept them) and any new one after them.</summary>
    public StringNumbers(IEnumerable<string>? first = null)
    {
        _all = [];
        foreach (var value in first ?? [])
        {
            Of(value);
        }
    }

    /// <summary>Every string, by number.</summary>
    public IReadOnlyList<string> All => _all;

    /// <summary>The string's number, a new one when it was not seen before.</summary>
    public int Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!_numbers.TryGetValue(value, out var number))
        {
            number = _all.Count;
            _all.Add(value);
            _numbers.Add(value, number);
        }

        return number;
    }
}
