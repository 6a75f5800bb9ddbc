namespace Northstar.Core.Planning;

/// <summary>The average new-customer revenue the plan divides the goal by, with its provenance.</summary>
public sealed record DealSize(decimal Amount, PlanSource Source);
