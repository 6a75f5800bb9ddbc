using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>What a run produced: its ground truth and how many facts of each kind it wrote.</summary>
public sealed record SimulationResult(GroundTruth Truth, IReadOnlyDictionary<FactKind, long> Counts)
{
    /// <summary>All facts written, every kind.</summary>
    public long TotalFacts => Counts.Values.Sum();
}
