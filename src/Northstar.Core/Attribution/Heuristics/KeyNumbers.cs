namespace Northstar.Core.Attribution.Heuristics;

/// <summary>
/// Numbers the keys (channel or campaign names) of a credit table. Journeys from the store
/// share a few string instances, so a reference lookup answers most touches without hashing
/// the text; other equal strings still get the same number.
/// </summary>
internal sealed class KeyNumbers(CreditTable table)
{
    private const int MaxCachedReferences = 4096;
    private readonly Dictionary<string, int> _byText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byReference = new(ReferenceEqualityComparer.Instance);

    public int Of(string key)
    {
        if (_byReference.TryGetValue(key, out var number))
        {
            return number;
        }

        if (!_byText.TryGetValue(key, out number))
        {
            number = table.Add(key);
            _byText[key] = number;
        }

        if (_byReference.Count < MaxCachedReferences)
        {
            _byReference[key] = number;
        }

        return number;
    }
}
