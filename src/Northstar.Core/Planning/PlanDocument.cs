namespace Northstar.Core.Planning;

/// <summary>
/// A plan as a document to serialise (<c>plan --format json</c>, the API's <c>plan</c>): exact
/// doubles (not the rounded display), steps keyed by their KPI id, every input with its source.
/// A channel's rate with nothing to divide by is NaN (serialisers must allow named literals).
/// A typed record, so the API's OpenAPI document can describe it.
/// </summary>
/// <param name="Period">The plan's period label, e.g. 2026.</param>
/// <param name="Start">The period's first day.</param>
/// <param name="End">The day after the period.</param>
/// <param name="RevenueGoal">The new-revenue goal.</param>
/// <param name="DealSize">The average deal size the goal is divided by, with its source.</param>
/// <param name="Rates">The stage-to-stage rates, first step first.</param>
/// <param name="Total">What the period needs at each step, keyed by KPI id.</param>
/// <param name="Split">How the period is split over months.</param>
/// <param name="Quarters">Each quarter's share and counts.</param>
/// <param name="Months">Each month's share and counts.</param>
/// <param name="Forward">What the forward run of sessions gives; null when not asked.</param>
/// <param name="Gap">The gap between the forward run and the goal; null without a forward run.</param>
/// <param name="Channels">The plan per channel (empty unless asked).</param>
/// <param name="Notes">Notes for a person reading the plan.</param>
public sealed record PlanDocument(
    string Period,
    DateOnly Start,
    DateOnly End,
    decimal RevenueGoal,
    DealSize DealSize,
    IReadOnlyList<PlanRateEntry> Rates,
    IReadOnlyDictionary<string, double> Total,
    PlanSplit Split,
    IReadOnlyList<PlanBucketEntry> Quarters,
    IReadOnlyList<PlanBucketEntry> Months,
    PlanForwardEntry? Forward,
    GapAnalysis? Gap,
    IReadOnlyList<PlanChannelEntry> Channels,
    IReadOnlyList<string> Notes)
{
    /// <summary>The plan's document.</summary>
    public static PlanDocument Create(FunnelPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanDocument(
            plan.Period.Label,
            plan.Period.Range.Start,
            plan.Period.Range.End,
            plan.RevenueGoal,
            plan.DealSize,
            [.. plan.Rates.Steps.Select(Rate)],
            Counts(plan.Total),
            plan.Split,
            [.. plan.Quarters.Select(Bucket)],
            [.. plan.Months.Select(Bucket)],
            plan.Forward is { } f ? new PlanForwardEntry(f.SessionsPerMonth, f.Months, Counts(f.PerMonth), Counts(f.Total), f.RevenuePerMonth, f.Revenue) : null,
            plan.Gap,
            [.. plan.Channels.Select(c => new PlanChannelEntry(
                c.Channel, c.GoalShare, c.Rates?.Steps.Select(Rate).ToList(), c.Needed is null ? null : Counts(c.Needed), [.. c.Problems.Select(p => p.Message)]))],
            plan.Notes);
    }

    private static PlanRateEntry Rate(StepRate rate) => new(FunnelSteps.KpiId(rate.From), FunnelSteps.KpiId(rate.To), rate.Rate, rate.Source);

    private static PlanBucketEntry Bucket(PlanBucket bucket) => new(bucket.Label, bucket.Range.Start, bucket.Range.End, bucket.Share, Counts(bucket.Counts));

    private static Dictionary<string, double> Counts(StepCounts counts) =>
        FunnelSteps.All.ToDictionary(FunnelSteps.KpiId, step => counts[step]);
}
