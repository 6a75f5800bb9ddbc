using Northstar.Core.Facts;
using Northstar.Core.Storage;

namespace Northstar.Core.Import.Pipeline;

/// <summary>The facts of one kind in a <see cref="FactBatch"/>.</summary>
internal sealed class FactBatchOf<TFact>(TFact[] facts, int[] lines, int count) : FactBatch
    where TFact : class, IFact
{
    public override void WriteTo(IFactWriteSession session, List<int> scratch, Action<int, string> conflict)
    {
        scratch.Clear();
        session.Write<TFact>(facts.AsSpan(0, count), scratch);
        foreach (var index in scratch)
        {
            conflict(lines[index], facts[index].NaturalKey);
        }
    }
}
