using System.Buffers;
using System.Runtime.CompilerServices;
using Northstar.Core.Facts;
using Northstar.Core.Storage;

namespace Northstar.Core.Import.Pipeline;

/// <summary>
/// The facts of one kind in a <see cref="FactBatch"/>. Its arrays are rented and given back
/// once written: a 50k-row batch's arrays are large-object-heap sized, and allocating fresh
/// ones per batch set off a full collection every few batches.
/// </summary>
internal sealed class FactBatchOf<TFact>(TFact[] facts, int[] lines, int count) : FactBatch
    where TFact : class, IFact
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void WriteTo(IFactWriteSession session, List<int> scratch, Action<int, string> conflict)
    {
        scratch.Clear();
        session.Write<TFact>(facts.AsSpan(0, count), scratch);
        foreach (var index in scratch)
        {
            conflict(lines[index], facts[index].NaturalKey);
        }

        ArrayPool<TFact>.Shared.Return(facts, clearArray: true);
        ArrayPool<int>.Shared.Return(lines);
    }
}
