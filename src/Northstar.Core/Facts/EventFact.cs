namespace Northstar.Core.Facts;

/// <summary>A tracked interaction. A session start carries the traffic source of the visit.</summary>
public sealed record EventFact : IFact
{
    /// <summary>The event id; the importer derives one from the row's content when the file has none.</summary>
    public required string Id { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required EventType Type { get; init; }
    public string? AnonymousId { get; init; }
    public string? ContactId { get; init; }
    public string? SessionId { get; init; }
    public string? Source { get; init; }
    public string? Medium { get; init; }
    public string? Campaign { get; init; }
    /// <summary>The channel group; derived from source / medium / campaign when the row has none.</summary>
    public string? Channel { get; init; }
    public string? LandingPage { get; init; }
    public string? Page { get; init; }
    public string? Referrer { get; init; }
    public string? Cta { get; init; }
    public string? Form { get; init; }
    public string? Field { get; init; }
    public string? Variant { get; init; }
    public string? Asset { get; init; }
    public decimal? Value { get; init; }
    public PropertyBag Properties { get; init; } = PropertyBag.Empty;

    public string NaturalKey => Id;
}
