using Northstar.Core.Diagnostics;
using Northstar.Core.Metrics;

namespace Northstar.Core.Planning;

/// <summary>Maps a <see cref="FunnelPlan"/> onto the <see cref="DiagnosisPlan"/> of one quarter, as the quarterly report diagnoses against.</summary>
public static class PlanDiagnosis
{
    /// <summary>
    /// The quarter's planned sessions and the plan's five rates, or null when the plan's period does
    /// not cover the whole <paramref name="quarter"/>. Planned sessions are the plan's quarter bucket
    /// with the same days, else the sum of its months inside the quarter (a calendar quarter of a
    /// fiscal-year plan).
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="quarter">The quarter's days.</param>
    /// <param name="source">How the report names the plan ("plan FY2026 saved 2026-11-22").</param>
    public static DiagnosisPlan? ForQuarter(FunnelPlan plan, DateRange quarter, string source)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(source);
        if (quarter.Start < plan.Period.Range.Start || quarter.End > plan.Period.Range.End)
        {
            return null;
        }

        var sessions = plan.Quarters.FirstOrDefault(q => q.Range == quarter) is { } bucket
            ? bucket.Counts[FunnelStep.Sessions]
            : plan.Months.Where(m => m.Range.Start >= quarter.Start && m.Range.End <= quarter.End).Sum(m => m.Counts[FunnelStep.Sessions]);
        var rates = FunnelRates.Pairs.ToDictionary(step => step, step => plan.Rates[step].Rate);
        return new DiagnosisPlan(sessions, rates, source);
    }
}
