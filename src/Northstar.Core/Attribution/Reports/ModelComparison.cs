namespace Northstar.Core.Attribution.Reports;

/// <summary>
/// Models side by side: one row per channel (or campaign), a column per model. Each model's
/// column adds up to <see cref="Conversions"/>.
/// </summary>
/// <param name="Models">The models' names, in the order asked.</param>
/// <param name="By">Channel or campaign.</param>
/// <param name="Rows">Highest mean share over the models first, then by key.</param>
/// <param name="Conversions">Conversions credited by every model.</param>
/// <param name="Value">Their value.</param>
/// <param name="UntouchedConversions">Conversions without a touch: counted, not credited.</param>
/// <param name="Tables">Each model's full credit table, same order as <see cref="Models"/>.</param>
public sealed record ModelComparison(
    IReadOnlyList<string> Models,
    AttributionDimension By,
    IReadOnlyList<ComparisonRow> Rows,
    double Conversions,
    double Value,
    long UntouchedConversions,
    IReadOnlyList<CreditTable> Tables)
{
    /// <summary>
    /// The row where the models disagree most (largest spread; spreads equal to 12 decimals, such
    /// as 1 - 1/3 and 2/3 - 0, tie and go by key), or null with no rows.
    /// </summary>
    public ComparisonRow? MostDisputed => Rows.OrderByDescending(r => Math.Round(r.Spread, 12)).ThenBy(r => r.Key, StringComparer.Ordinal).FirstOrDefault();
}
