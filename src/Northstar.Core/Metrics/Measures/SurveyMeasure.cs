using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Measures;

/// <summary>
/// Survey answers given in the range whose score passes a test, counted (or, given <paramref name="points"/>,
/// each answer's points summed, in <paramref name="unit"/>); by segment (account's, else contact's).
/// </summary>
internal sealed class SurveyMeasure(
    string name, Func<int, bool> scoreTest, string definition, Func<int, double>? points = null, KpiUnit unit = KpiUnit.Count)
    : Measure(name, unit, [Dimensions.Segment], definition)
{
    public override void Accumulate(MetricContext context, DateRange range, Breakdown breakdown, Groups groups)
    {
        // The breakdown asks for the segment only when it filters or groups (it reads every account and lifecycle).
        Func<SurveyAnswer, string, string?> segment = (a, _) => context.Account(a.AccountId)?.Segment ?? context.Contact(a.ContactId)?.Segment;
        foreach (var answer in context.Read<SurveyAnswer>())
        {
            if (!range.Contains(context.Day(answer.AnsweredAt)) || !scoreTest(answer.Score))
            {
                continue;
            }

            if (breakdown.Accepts(answer, segment))
            {
                groups.AddTo(breakdown.GroupOf(answer, segment), points?.Invoke(answer.Score) ?? 1);
            }
        }
    }
}
