namespace Northstar.Core.Planning;

/// <summary>
/// The gap between a target and what the forward run reaches, and the single rate improvements
/// that close it, the smallest relative change first (see <see cref="GapCloser"/>).
/// </summary>
/// <param name="TargetCustomers">Customers the goal needs over the period.</param>
/// <param name="ForecastCustomers">Customers the forward run reaches over the period.</param>
/// <param name="Factor">Target / forecast: every rate alone must be multiplied by it (1 or less: no gap).</param>
/// <param name="Options">One entry per rate, best first; empty when there is no gap.</param>
/// <param name="Explanation">How the list is ordered and why ties are broken as they are.</param>
public sealed record GapAnalysis(double TargetCustomers, double ForecastCustomers, double Factor, IReadOnlyList<RateImprovement> Options, string Explanation)
{
    /// <summary>True when the forward run falls short of the target.</summary>
    public bool HasGap => Factor > 1;
}
