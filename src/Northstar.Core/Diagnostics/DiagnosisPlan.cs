using Northstar.Core.Planning;

namespace Northstar.Core.Diagnostics;

/// <summary>
/// What the funnel was planned to do in a period, as diagnostics read it: the sessions planned
/// and the conversion rate planned from each step to the next. Planned volumes follow from them
/// (sessions x the chain of rates). The reverse-funnel planner's output maps onto it; when no plan
/// is set, <see cref="FunnelHistory.Plan"/> makes one from history.
/// </summary>
/// <param name="Sessions">Sessions planned for the period.</param>
/// <param name="Rates">Planned rate from each step to the next, keyed by the step converted from (Sessions to Opportunities); 0 &lt; rate &lt;= 1.</param>
/// <param name="Source">Where the plan came from, as people read it ("plan", "history: 2024-Q3..2025-Q2").</param>
public sealed record DiagnosisPlan(double Sessions, IReadOnlyDictionary<FunnelStep, double> Rates, string Source)
{
    /// <summary>The planned rate from <paramref name="from"/> to the next step.</summary>
    public double Rate(FunnelStep from) =>
        Rates.TryGetValue(from, out var rate) ? rate : throw new KeyNotFoundException($"The plan has no rate from {FunnelSteps.Label(from)}.");

    /// <summary>The planned volume of a step: planned sessions times the planned rates above it.</summary>
    public double Volume(FunnelStep step)
    {
        var volume = Sessions;
        for (var s = FunnelStep.Sessions; s < step; s++)
        {
            volume *= Rate(s);
        }

        return volume;
    }

    /// <summary>The product of the planned rates from <paramref name="step"/> down to customers (1 for customers).</summary>
    public double ChainFrom(FunnelStep step)
    {
        var chain = 1.0;
        for (var s = step; s < FunnelStep.Customers; s++)
        {
            chain *= Rate(s);
        }

        return chain;
    }

    /// <summary>Problems that make the plan unusable (a missing or non-positive rate, negative sessions); empty when sound.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!double.IsFinite(Sessions) || Sessions < 0)
        {
            problems.Add($"Planned sessions must be a number of at least 0, not {Sessions}.");
        }

        foreach (var step in FunnelSteps.All.Where(s => s != FunnelStep.Customers))
        {
            var label = $"{FunnelSteps.Label(step)} -> {FunnelSteps.Label(step + 1)}";
            if (!Rates.TryGetValue(step, out var rate))
            {
                problems.Add($"The plan has no rate for {label}.");
            }
            else if (!double.IsFinite(rate) || rate <= 0 || rate > 1)
            {
                problems.Add($"The planned rate for {label} must be above 0% and at most 100%, not {rate:P1}.");
            }
        }

        return problems;
    }
}
