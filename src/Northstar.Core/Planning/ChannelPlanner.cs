using Northstar.Core.Metrics;

namespace Northstar.Core.Planning;

/// <summary>
/// The plan per channel, kept simple: each channel takes the share of the goal's customers that it
/// brought in the look-back (customers by first-touch channel), and works back to sessions with
/// its own rates from its own history (sessions by the session's channel, contacts by their
/// first-touch channel). Typed-in rates apply to the overall plan only. A channel with no
/// customers in the look-back gets no share; one whose rates cannot be read says why.
/// </summary>
public static class ChannelPlanner
{
    /// <summary>One <see cref="ChannelPlan"/> per channel with customers in the look-back, largest share first.</summary>
    public static IReadOnlyList<ChannelPlan> Plan(MetricsEngine engine, DateRange lookback, double customersNeeded, IList<string> notes, RateBasis basis = RateBasis.PeriodRatio)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(notes);
        var byChannel = engine.Run(new MetricQuery(FunnelSteps.KpiId(FunnelStep.Customers), lookback) { By = Dimensions.Channel }).Rows
            .Select(r => (Channel: r.Group, Customers: r.Total ?? 0))
            .Where(r => r.Customers > 0)
            .ToList();
        var total = byChannel.Sum(r => r.Customers);
        if (total <= 0)
        {
            notes.Add($"No customers in the look-back {lookback}: no channel has a share of the goal to plan.");
            return [];
        }

        notes.Add("Per channel: each channel's share of the goal is its share of the look-back's customers; its rates are its own history's.");
        return [.. byChannel.Select(r => ForChannel(engine, lookback, r.Channel, r.Customers / total, customersNeeded, basis))];
    }

    private static ChannelPlan ForChannel(MetricsEngine engine, DateRange lookback, string channel, double share, double customersNeeded, RateBasis basis)
    {
        var history = PlanHistory.Read(engine, lookback, channel, basis);
        var problems = history.Rates.Validate();
        var needed = problems.Count == 0 ? ReverseFunnel.Backward(customersNeeded * share, history.Rates) : null;
        return new ChannelPlan(channel, share, history.Rates, needed, problems);
    }
}
