namespace Northstar.Core.Facts;

/// <summary>A known person (a lead or better), with where they first came from.</summary>
public sealed record Contact : IFact
{
    public required string ContactId { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public string? AccountId { get; init; }
    public string? Segment { get; init; }
    public bool? IcpFit { get; init; }
    public string? Source { get; init; }
    public string? Medium { get; init; }
    public string? Campaign { get; init; }
    public string? Channel { get; init; }
    public string? Owner { get; init; }
    public PropertyBag Properties { get; init; } = PropertyBag.Empty;

    public string NaturalKey => ContactId;
}
