namespace Northstar.Core.Facts;

/// <summary>Money spent on one day, channel, campaign and kind.</summary>
public sealed record Spend : IFact
{
    public required DateOnly Date { get; init; }
    public required string Channel { get; init; }
    /// <summary>Empty when the spend is not tied to a campaign (the key needs a value).</summary>
    public string Campaign { get; init; } = "";
    public required SpendKind Kind { get; init; }
    public required decimal Amount { get; init; }
    public long? Impressions { get; init; }
    public long? Clicks { get; init; }
    public PropertyBag Properties { get; init; } = PropertyBag.Empty;

    public string NaturalKey => $"{Date:yyyy-MM-dd}|{Channel}|{Campaign}|{Kind}";
}
