using Northstar.Core.Attribution.Heuristics;
using Northstar.Core.Attribution.Markov;

namespace Northstar.Core.Attribution.Reports;

/// <summary>
/// A model's credits by channel or campaign. The rows add up to <see cref="Conversions"/> and
/// <see cref="Value"/> (the converted journeys that had a touch); the untouched conversions
/// are their own line, not credited.
/// </summary>
/// <param name="Model">The model's name (<see cref="AttributionModel.Name"/>).</param>
/// <param name="By">Channel or campaign.</param>
/// <param name="Rows">Most credited conversions first, then by key.</param>
/// <param name="Conversions">Conversions credited: the converted journeys with a touch (the rows add up to it).</param>
/// <param name="Value">Their value (the rows add up to it).</param>
/// <param name="UntouchedConversions">Conversions without a touch: counted, not credited.</param>
/// <param name="UntouchedValue">Their value.</param>
public sealed record CreditTable(
    string Model,
    AttributionDimension By,
    IReadOnlyList<CreditRow> Rows,
    double Conversions,
    double Value,
    long UntouchedConversions,
    double UntouchedValue)
{
    /// <summary>Markov only: each channel's removal effect.</summary>
    public IReadOnlyList<MarkovRemovalEffect>? RemovalEffects { get; init; }

    /// <summary>Markov only: the chain's conversion probability from the start.</summary>
    public double? ConversionProbability { get; init; }

    /// <summary>Ordered Shapley only: each channel's credit by the position it first appears at.</summary>
    public IReadOnlyList<PositionCredit>? Positions { get; init; }

    /// <summary>The row of a key, or null when the model credits it nothing.</summary>
    public CreditRow? Find(string key) => Rows.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.Ordinal));
}
