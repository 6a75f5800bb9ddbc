namespace Northstar.Core.Planning;

/// <summary>The conversion rate from <paramref name="From"/> to the step after it, with its provenance.</summary>
/// <param name="From">The earlier step (Sessions to Opportunities).</param>
/// <param name="Rate">The share of <paramref name="From"/> that reaches the next step, 0..1.</param>
/// <param name="Source">Where the rate came from.</param>
public sealed record StepRate(FunnelStep From, double Rate, PlanSource Source)
{
    /// <summary>The step the rate converts into.</summary>
    public FunnelStep To => FunnelSteps.Next(From) ?? throw new InvalidOperationException("Customers is the last step: no rate leaves it.");

    /// <summary>"Sessions -> Leads".</summary>
    public string Label => FunnelRates.PairLabel(From);
}
