namespace Northstar.Core.Facts;

/// <summary>Recurring revenue of an account; <see cref="EndedAt"/> set means it churned.</summary>
public sealed record Subscription : IFact
{
    public required string SubscriptionId { get; init; }
    public string? AccountId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public required decimal Mrr { get; init; }
    public DateTimeOffset? RenewalDueAt { get; init; }
    public bool? Renewed { get; init; }
    public PropertyBag Properties { get; init; } = PropertyBag.Empty;

    public string NaturalKey => SubscriptionId;
}
