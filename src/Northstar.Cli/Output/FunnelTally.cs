using Northstar.Core.Facts;
using Northstar.Core.Storage;

namespace Northstar.Cli.Output;

/// <summary>
/// Passes facts on to another sink and counts stage entries per calendar quarter (UTC) on the
/// way, for the demo's first summary without reading everything back.
/// </summary>
internal sealed class FunnelTally(IFactSink inner) : IFactSink
{
    private readonly SortedDictionary<string, long[]> _byQuarter = new(StringComparer.Ordinal);

    /// <summary>Quarter ("2025-Q1") to the number of contacts entering each stage, indexed by <see cref="Stage"/>.</summary>
    public IReadOnlyDictionary<string, long[]> ByQuarter => _byQuarter;

    public void Add<TFact>(TFact fact)
        where TFact : class, IFact
    {
        if (fact is StageChange change)
        {
            var at = change.EnteredAt.UtcDateTime;
            var quarter = $"{at.Year}-Q{((at.Month - 1) / 3) + 1}";
            if (!_byQuarter.TryGetValue(quarter, out var counts))
            {
                _byQuarter[quarter] = counts = new long[Enum.GetValues<Stage>().Length];
            }

            counts[(int)change.Stage]++;
        }

        inner.Add(fact);
    }

    public void Complete() => inner.Complete();

    public void Dispose() => inner.Dispose();
}
