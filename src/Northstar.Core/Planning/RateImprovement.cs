namespace Northstar.Core.Planning;

/// <summary>One single-rate way to close a gap: the rate leaving <paramref name="From"/> raised on its own.</summary>
/// <param name="From">The rate's earlier step.</param>
/// <param name="Current">The rate now, 0..1.</param>
/// <param name="Needed">The rate that closes the gap alone (may exceed 1 when it cannot).</param>
/// <param name="RelativeChange">Needed / current - 1 (0.25 = a quarter higher).</param>
/// <param name="PointsChange">Needed - current, in rate units (0.004 = 0.4 percentage points).</param>
/// <param name="Closes">False when closing the gap would need the rate above 100%.</param>
/// <param name="CustomersAtBest">
/// The customers reached with this rate at <paramref name="Needed"/>, or at 100% when it cannot close the gap.
/// </param>
/// <param name="Note">Why it ranks where it does, for a person.</param>
public sealed record RateImprovement(
    FunnelStep From, double Current, double Needed, double RelativeChange, double PointsChange, bool Closes, double CustomersAtBest, string Note)
{
    /// <summary>"Sessions -> Leads".</summary>
    public string Label => FunnelRates.PairLabel(From);
}
