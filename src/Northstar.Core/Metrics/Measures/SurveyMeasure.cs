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
        foreach (var answer in context.Read<SurveyAnswer>())
        {
            if (!range.Contains(context.Day(answer.AnsweredAt)) || !scoreTest(answer.Score))
            {
                continue;
            }

            // Without filters or grouping the segment is not needed: every account and contact would be read for it.
            var segment = breakdown.IsNone ? null : context.Account(answer.AccountId)?.Segment ?? context.Contact(answer.ContactId)?.Segment;
            if (breakdown.Accepts(segment, static (s, _) => s))
            {
                groups.AddTo(breakdown.GroupOf(segment, static (s, _) => s), points?.Invoke(answer.Score) ?? 1);
            }
        }
    }
}
