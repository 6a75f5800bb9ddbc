namespace Northstar.Core.Facts;

/// <summary>An NPS answer, 0 to 10.</summary>
public sealed record SurveyAnswer : IFact
{
    public required string ResponseId { get; init; }
    public required DateTimeOffset AnsweredAt { get; init; }
    public string? ContactId { get; init; }
    public string? AccountId { get; init; }
    public required int Score { get; init; }
    public string? Comment { get; init; }
    public PropertyBag Properties { get; init; } = PropertyBag.Empty;

    public string NaturalKey => ResponseId;
}
