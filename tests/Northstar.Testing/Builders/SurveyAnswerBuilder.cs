using Northstar.Core.Facts;

namespace Northstar.Testing.Builders;

/// <summary>Builds a <see cref="SurveyAnswer"/>: by default a score of 9 on day 1, anonymous.</summary>
public sealed class SurveyAnswerBuilder(string responseId = "r1")
{
    private SurveyAnswer _fact = new() { ResponseId = responseId, AnsweredAt = BuilderTime.Start, Score = 9 };

    public SurveyAnswerBuilder Score(int score) => Set(_fact with { Score = score });

    public SurveyAnswerBuilder AnsweredAt(int day, int hour = 0) => Set(_fact with { AnsweredAt = BuilderTime.At(day, hour) });

    public SurveyAnswerBuilder By(string? contactId, string? accountId = null) => Set(_fact with { ContactId = contactId, AccountId = accountId });

    public SurveyAnswerBuilder Comment(string? comment) => Set(_fact with { Comment = comment });

    public SurveyAnswerBuilder Property(string name, string value) => Set(_fact with { Properties = Props.With(_fact.Properties, name, value) });

    public SurveyAnswer Build() => _fact;

    private SurveyAnswerBuilder Set(SurveyAnswer fact)
    {
        _fact = fact;
        return this;
    }
}
