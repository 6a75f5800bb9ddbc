namespace Northstar.Core.Planning;

/// <summary>
/// A plan as a document to serialise (<c>plan --format json</c>, the API's <c>plan</c>): exact
/// doubles (not the rounded display), steps keyed by their KPI id, every input with its source.
/// A channel's rate with nothing to divide by is NaN (serialisers must allow named literals).
/// </summary>
public static class PlanDocument
{
    /// <summary>The plan's document: period, goal, deal size, rates, totals, split, quarters, months, forward run, gap, channels, notes.</summary>
    public static object Create(FunnelPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new
        {
            Period = plan.Period.Label,
            Start = plan.Period.Range.Start,
            End = plan.Period.Range.End,
            plan.RevenueGoal,
            DealSize = new { plan.DealSize.Amount, Source = plan.DealSize.Source },
            Rates = plan.Rates.Steps.Select(Rate),
            Total = Counts(plan.Total),
            Split = new { plan.Split.Mode, plan.Split.Basis, plan.Split.MonthWeights },
            Quarters = plan.Quarters.Select(Bucket),
            Months = plan.Months.Select(Bucket),
            Forward = plan.Forward is { } f
                ? new { f.SessionsPerMonth, f.Months, PerMonth = Counts(f.PerMonth), Total = Counts(f.Total), f.RevenuePerMonth, f.Revenue }
                : null,
            plan.Gap,
            Channels = plan.Channels.Select(c => new
            {
                c.Channel,
                c.GoalShare,
                Rates = c.Rates?.Steps.Select(Rate),
                Needed = c.Needed is null ? null : Counts(c.Needed),
                Problems = c.Problems.Select(p => p.Message),
            }),
            plan.Notes,
        };
    }

    private static object Rate(StepRate rate) => new
    {
        From = FunnelSteps.KpiId(rate.From),
        To = FunnelSteps.KpiId(rate.To),
        rate.Rate,
        rate.Source,
    };

    private static object Bucket(PlanBucket bucket) => new
    {
        bucket.Label,
        Start = bucket.Range.Start,
        End = bucket.Range.End,
        bucket.Share,
        Counts = Counts(bucket.Counts),
    };

    private static Dictionary<string, double> Counts(StepCounts counts) =>
        FunnelSteps.All.ToDictionary(FunnelSteps.KpiId, step => counts[step]);
}
