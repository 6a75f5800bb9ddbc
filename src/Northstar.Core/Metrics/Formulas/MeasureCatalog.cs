namespace Northstar.Core.Metrics.Formulas;

/// <summary>A fixed list of measures; names are matched exactly (ordinal).</summary>
public sealed class MeasureCatalog : IMeasureCatalog
{
    private readonly Dictionary<string, MeasureInfo> _byName;

    /// <summary>Builds the catalogue; a name listed twice throws.</summary>
    public MeasureCatalog(IEnumerable<MeasureInfo> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        _byName = new Dictionary<string, MeasureInfo>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var measure in measures)
        {
            if (!_byName.TryAdd(measure.Name, measure))
            {
                throw new ArgumentException($"The measure {measure.Name} is listed twice.", nameof(measures));
            }

            names.Add(measure.Name);
        }

        Names = names;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Names { get; }

    /// <inheritdoc />
    public MeasureInfo? Find(string name) => _byName.GetValueOrDefault(name);
}
