namespace Northstar.Core.Facts;

/// <summary>A contact entering a funnel stage; one per contact and stage.</summary>
public sealed record StageChange : IFact
{
    public required string ContactId { get; init; }
    public required Stage Stage { get; init; }
    public required DateTimeOffset EnteredAt { get; init; }
    public PropertyBag Properties { get; init; } = PropertyBag.Empty;

    public string NaturalKey => $"{ContactId}|{Stage}";
}
