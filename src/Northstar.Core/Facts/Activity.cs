namespace Northstar.Core.Facts;

/// <summary>Sales-side work on a contact or account: calls, emails, meetings, tickets.</summary>
public sealed record Activity : IFact
{
    public required string ActivityId { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public string? ContactId { get; init; }
    public string? AccountId { get; init; }
    public required ActivityKind Kind { get; init; }
    public string? Asset { get; init; }
    public string? Owner { get; init; }
    public PropertyBag Properties { get; init; } = PropertyBag.Empty;

    public string NaturalKey => ActivityId;
}
