namespace Northstar.Core.Facts;

/// <summary>
/// One day of an external series, e.g. <c>brand_search_volume</c>, or <c>mentions</c> with the
/// dimension <c>brand=acme;sentiment=positive</c>.
/// </summary>
public sealed record SeriesPoint : IFact
{
    public required DateOnly Date { get; init; }
    public required string Metric { get; init; }
    /// <summary>Empty for a series without a breakdown (the key needs a value).</summary>
    public string Dimension { get; init; } = "";
    public required double Value { get; init; }
    public PropertyBag Properties { get; init; } = PropertyBag.Empty;

    public string NaturalKey => $"{Date:yyyy-MM-dd}|{Metric}|{Dimension}";
}
