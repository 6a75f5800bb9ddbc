using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Core.Planning;

/// <summary>
/// Builds a <see cref="FunnelPlan"/> for a workspace: typed-in inputs are used as given, the
/// missing rates, deal size, seasonality and channel plans are read from the look-back through
/// the <see cref="MetricsEngine"/>. The store is only read when something is missing.
/// </summary>
public static class Planner
{
    /// <summary>The plan of <paramref name="request"/> over <paramref name="period"/>, or every problem that stops it.</summary>
    public static PlanOutcome Build(MetricsEngine engine, Period period, PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Rates is { Count: not 5 } typed)
        {
            return PlanOutcome.Failure([new PlanProblem($"Expected 5 rates (sessions->leads, leads->MQLs, MQLs->SQLs, SQLs->opportunities, opportunities->customers); got {typed.Count}.")]);
        }

        var lookback = request.Lookback ?? PlanHistory.DefaultLookback(period.Range, engine.Today);
        var history = NeedsHistory(request) ? PlanHistory.Read(engine, lookback, basis: request.RateBasis) : null;
        if (history is { IsEmpty: true })
        {
            return PlanOutcome.Failure([new PlanProblem(
                $"The look-back {lookback} has no data (no sessions and no contact at any stage): type the rates and deal size, or pick another --lookback.")]);
        }

        var problems = new List<PlanProblem>();
        var rates = Rates(request, history);
        var deal = request.DealSize is { } amount ? new DealSize(amount, PlanSource.Typed) : history?.DealSize;
        if (deal is null)
        {
            problems.Add(new PlanProblem($"No new-business deal was won in the look-back {lookback}, so there is no average new-customer revenue: type one with --deal-size."));
        }

        var split = PlanSplit.Even;
        if (request.Split == PlanSplitMode.Seasonal)
        {
            var (seasonal, problem) = Seasonality.Read(engine, lookback);
            split = seasonal ?? split;
            problems.AddRange(problem is null ? [] : [problem]);
        }

        var outcome = FunnelPlan.Create(period, engine.Calendar, request.RevenueGoal, deal ?? new DealSize(1, PlanSource.Typed), rates, split, request.ForwardSessionsPerMonth);
        problems.AddRange(outcome.Problems);
        if (problems.Count > 0)
        {
            return PlanOutcome.Failure(problems);
        }

        var plan = outcome.Plan!;
        var notes = history is null ? new List<string>() : [$"History read over {lookback}."];
        var channels = request.ByChannel ? ChannelPlanner.Plan(engine, lookback, plan.Total[FunnelStep.Customers], notes, request.RateBasis) : [];
        return new PlanOutcome(plan with { Channels = channels, Notes = notes }, []);
    }

    private static bool NeedsHistory(PlanRequest request) =>
        request.DealSize is null || request.Rates is null || request.Rates.Any(r => r is null)
        || request.Split == PlanSplitMode.Seasonal || request.ByChannel;

    private static FunnelRates Rates(PlanRequest request, HistoryInputs? history) =>
        FunnelRates.Of([.. FunnelRates.Pairs.Select(from =>
            request.Rates?[(int)from] is { } rate ? new StepRate(from, rate, PlanSource.Typed) : history!.Rates[from])]);
}
