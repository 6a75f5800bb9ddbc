using Northstar.Core.Metrics;

namespace Northstar.Core.Planning;

/// <summary>What a user asks of <see cref="Planner.Build"/>: the goal, and whichever inputs they type in (the rest come from history).</summary>
/// <param name="RevenueGoal">The new revenue to plan for over the period.</param>
public sealed record PlanRequest(decimal RevenueGoal)
{
    /// <summary>The average new-customer revenue typed in, or null to read <c>average_deal_size</c> from history.</summary>
    public decimal? DealSize { get; init; }

    /// <summary>
    /// The five rates typed in as fractions (sessions to leads first); an entry (or the whole list)
    /// left null is read from history.
    /// </summary>
    public IReadOnlyList<double?>? Rates { get; init; }

    /// <summary>Period ratios (default) or cohort rates where the catalogue has them.</summary>
    public RateBasis RateBasis { get; init; } = RateBasis.PeriodRatio;

    /// <summary>Even by month (default) or by the seasonality of the look-back's sessions.</summary>
    public PlanSplitMode Split { get; init; } = PlanSplitMode.Even;

    /// <summary>The history to read, or null for <see cref="PlanHistory.DefaultLookback"/>.</summary>
    public DateRange? Lookback { get; init; }

    /// <summary>Also plan per channel.</summary>
    public bool ByChannel { get; init; }

    /// <summary>Planned sessions a month, to run the funnel forwards and find the gap closers; null for none.</summary>
    public double? ForwardSessionsPerMonth { get; init; }
}
