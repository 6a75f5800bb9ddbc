using Northstar.Core.Planning;

namespace Northstar.Core.Diagnostics;

/// <summary>
/// One stage of the funnel against the plan: reaching <see cref="Step"/> (for
/// <see cref="FunnelStep.Sessions"/>, the traffic itself; for any other step, the conversion from
/// the step before it).
/// </summary>
/// <param name="Step">The step reached.</param>
/// <param name="Entering">The actual volume of the step before (null for sessions).</param>
/// <param name="Actual">The actual volume of <see cref="Step"/> in the period.</param>
/// <param name="PlannedRate">The planned conversion from the step before (null for sessions).</param>
/// <param name="ActualRate">Actual / entering (null for sessions, or when nothing entered).</param>
/// <param name="Expected">What the plan expected of the step given what actually entered it (planned sessions for sessions).</param>
/// <param name="Shortfall">Expected - actual, in units of <see cref="Step"/> (negative: ahead of plan).</param>
/// <param name="CustomersLost">Shortfall x the planned rates below the step: customers lost downstream (negative: gained).</param>
/// <param name="Why">The sentence that shows it.</param>
public sealed record StageDiagnosis(
    FunnelStep Step,
    double? Entering,
    double Actual,
    double? PlannedRate,
    double? ActualRate,
    double Expected,
    double Shortfall,
    double CustomersLost,
    string Why)
{
    /// <summary>"Sessions" or "MQLs -> SQLs".</summary>
    public string Label => Step == FunnelStep.Sessions ? "Sessions" : $"{FunnelSteps.Label(Step - 1)} -> {FunnelSteps.Label(Step)}";
}
