using Northstar.Core.Metrics;

namespace Northstar.Core.Planning;

/// <summary>What a look-back of history says: the count of every step, the rates between them and the deal size.</summary>
/// <param name="Lookback">The days read.</param>
/// <param name="Channel">The channel the contacts and sessions were filtered to, or null for all.</param>
/// <param name="Counts">Sessions and contacts entering each stage over the look-back.</param>
/// <param name="Rates">Period ratios of the counts (NaN where the earlier step has no count; see <see cref="FunnelRates.Validate"/>).</param>
/// <param name="DealSize">The average new-business deal won over the look-back, or null when none was won.</param>
public sealed record HistoryInputs(DateRange Lookback, string? Channel, StepCounts Counts, FunnelRates Rates, DealSize? DealSize)
{
    /// <summary>True when nothing at all happened in the look-back: no sessions and no contact at any stage.</summary>
    public bool IsEmpty => Counts.Values.All(v => v == 0);
}
