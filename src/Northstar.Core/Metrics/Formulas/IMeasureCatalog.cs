namespace Northstar.Core.Metrics.Formulas;

/// <summary>
/// The measures a formula may name. The metrics engine implements it over its catalogue;
/// <see cref="MeasureCatalog"/> is a plain list-backed implementation.
/// </summary>
public interface IMeasureCatalog
{
    /// <summary>The measure with exactly that name, or null when there is none.</summary>
    MeasureInfo? Find(string name);

    /// <summary>Every measure name, for "did you mean" suggestions.</summary>
    IReadOnlyList<string> Names { get; }
}
