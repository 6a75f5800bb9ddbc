using System.Buffers;
using Northstar.Core.Facts;

namespace Northstar.Core.Import.Pipeline;

/// <summary>Collects facts of one kind on the parsing thread and hands them on in batches.</summary>
internal sealed class FactBuffer<TFact>(int capacity, Action<FactBatch> send)
    where TFact : class, IFact
{
    private TFact[] _facts = ArrayPool<TFact>.Shared.Rent(capacity);
    private int[] _lines = ArrayPool<int>.Shared.Rent(capacity);
    private int _count;

    public void Add(TFact fact, int line)
    {
        _facts[_count] = fact;
        _lines[_count] = line;
        if (++_count == capacity)
        {
            Flush();
        }
    }

    /// <summary>Hands the facts collected so far on (none: nothing is sent).</summary>
    public void Flush()
    {
        if (_count == 0)
        {
            return;
        }

        send(new FactBatchOf<TFact>(_facts, _lines, _count));
        _facts = ArrayPool<TFact>.Shared.Rent(capacity);
        _lines = ArrayPool<int>.Shared.Rent(capacity);
        _count = 0;
    }
}
