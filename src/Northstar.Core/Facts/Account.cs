namespace Northstar.Core.Facts;

/// <summary>A company that contacts belong to.</summary>
public sealed record Account : IFact
{
    public required string AccountId { get; init; }
    public string? Name { get; init; }
    public string? Segment { get; init; }
    public string? Industry { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public PropertyBag Properties { get; init; } = PropertyBag.Empty;

    public string NaturalKey => AccountId;
}
