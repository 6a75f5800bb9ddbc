using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Core.Planning;

/// <summary>
/// A reverse-funnel plan for one period: the customers a revenue goal needs, the count needed at
/// every step over the period, per quarter and per month, with the source of every input; and,
/// when asked, the forward run from planned sessions, the gap closers and a plan per channel.
/// All counts are exact doubles.
/// </summary>
public sealed record FunnelPlan
{
    public required Period Period { get; init; }

    public required decimal RevenueGoal { get; init; }

    public required DealSize DealSize { get; init; }

    public required FunnelRates Rates { get; init; }

    /// <summary>Counts needed over the whole period (customers = goal / deal size).</summary>
    public required StepCounts Total { get; init; }

    public required PlanSplit Split { get; init; }

    /// <summary>The reporting quarters (fiscal when the fiscal year does not start in January) the period touches.</summary>
    public required IReadOnlyList<PlanBucket> Quarters { get; init; }

    /// <summary>The calendar months the period touches.</summary>
    public required IReadOnlyList<PlanBucket> Months { get; init; }

    /// <summary>The forward run, when planned sessions were given.</summary>
    public ForwardRun? Forward { get; init; }

    /// <summary>The gap between the forward run and the goal, when there is a forward run.</summary>
    public GapAnalysis? Gap { get; init; }

    /// <summary>The plan per channel, when asked.</summary>
    public IReadOnlyList<ChannelPlan> Channels { get; init; } = [];

    /// <summary>Things the reader should know (the look-back used, a channel left out).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Plans <paramref name="revenueGoal"/> over <paramref name="period"/>; every bad input is a
    /// <see cref="PlanProblem"/> (a goal or deal size of 0 or less, a rate of 0 or above 100%).
    /// </summary>
    public static PlanOutcome Create(
        Period period, FiscalCalendar calendar, decimal revenueGoal, DealSize dealSize, FunnelRates rates, PlanSplit? split = null, double? forwardSessionsPerMonth = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(dealSize);
        ArgumentNullException.ThrowIfNull(rates);
        var problems = Check(revenueGoal, dealSize, rates, forwardSessionsPerMonth);
        if (problems.Count > 0)
        {
            return PlanOutcome.Failure(problems);
        }

        split ??= PlanSplit.Even;
        var target = split.For(period.Range);
        var total = ReverseFunnel.Plan(revenueGoal, dealSize.Amount, rates);
        var months = target.Parts.Select(p => new PlanBucket(MonthLabel(p.Range.Start), p.Range, p.Share, total.Scale(p.Share))).ToList();
        var forward = forwardSessionsPerMonth is { } sessions ? ForwardRun.Create(sessions, rates, dealSize.Amount, ForwardRun.MonthsIn(target)) : null;
        var plan = new FunnelPlan
        {
            Period = period,
            RevenueGoal = revenueGoal,
            DealSize = dealSize,
            Rates = rates,
            Total = total,
            Split = split,
            Quarters = ByQuarter(months, calendar, total),
            Months = months,
            Forward = forward,
            Gap = forward is null ? null : GapCloser.Close(total[FunnelStep.Customers], forward.Total[FunnelStep.Customers], rates),
        };
        return new PlanOutcome(plan, []);
    }

    private static List<PlanProblem> Check(decimal revenueGoal, DealSize dealSize, FunnelRates rates, double? forwardSessions)
    {
        var problems = new List<PlanProblem>();
        if (revenueGoal <= 0)
        {
            problems.Add(new PlanProblem($"The revenue goal is {revenueGoal}: a plan needs a goal above 0."));
        }

        if (dealSize.Amount <= 0)
        {
            var where = dealSize.Source.Kind == PlanSourceKind.Typed ? "typed in" : "from history (" + dealSize.Source.Description + ")";
            problems.Add(new PlanProblem($"The average new-customer revenue {where} is {dealSize.Amount}: it must be above 0 to turn the goal into customers."));
        }

        if (forwardSessions is { } sessions && (!double.IsFinite(sessions) || sessions < 0))
        {
            problems.Add(new PlanProblem($"The planned sessions per month ({sessions}) must be 0 or more."));
        }

        problems.AddRange(rates.Validate());
        return problems;
    }

    private static List<PlanBucket> ByQuarter(List<PlanBucket> months, FiscalCalendar calendar, StepCounts total) =>
        [.. months
            .GroupBy(m => calendar.QuarterContaining(m.Range.Start))
            .Select(g =>
            {
                var share = g.Sum(m => m.Share);
                var range = new DateRange(g.First().Range.Start, g.Last().Range.End);
                return new PlanBucket(g.Key.Label, range, share, total.Scale(share));
            })];

    private static string MonthLabel(DateOnly start) => Period.Month(start.Year, start.Month).Label;
}
