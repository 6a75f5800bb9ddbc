namespace Northstar.Core.Facts;

/// <summary>An opportunity and, once closed, its outcome. <see cref="ListAmount"/> less <see cref="Amount"/> is the discount.</summary>
public sealed record Deal : IFact
{
    public required string DealId { get; init; }
    public string? ContactId { get; init; }
    public string? AccountId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public required DealStatus Status { get; init; }
    public decimal? Amount { get; init; }
    public decimal? ListAmount { get; init; }
    public DealType Type { get; init; } = DealType.New;
    public DealSource? Source { get; init; }
    public PropertyBag Properties { get; init; } = PropertyBag.Empty;

    public string NaturalKey => DealId;
}
