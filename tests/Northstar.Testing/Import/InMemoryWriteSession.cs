using Northstar.Core.Facts;
using Northstar.Core.Storage;

namespace Northstar.Testing.Import;

/// <summary>A write session of <see cref="InMemoryFactStore"/>: buffers facts until commit, detects in-session conflicts.</summary>
internal sealed class InMemoryWriteSession(InMemoryFactStore store, long workspaceId) : IFactWriteSession
{
    private readonly Dictionary<FactKind, Dictionary<string, IFact>> _pending = [];
    private bool _done;

    public void Write<TFact>(ReadOnlySpan<TFact> facts, ICollection<int> conflicts)
        where TFact : class, IFact
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        ObjectDisposedException.ThrowIf(_done, this);
        var kind = FactKinds.Of<TFact>();
        if (!_pending.TryGetValue(kind, out var pending))
        {
            pending = new Dictionary<string, IFact>(StringComparer.Ordinal);
            _pending[kind] = pending;
        }

        for (var i = 0; i < facts.Length; i++)
        {
            var fact = UtcFacts.Normalize(facts[i]);
            if (pending.TryGetValue(fact.NaturalKey, out var earlier) && !earlier.Equals(fact))
            {
                conflicts.Add(i);
                continue;
            }

            pending[fact.NaturalKey] = fact;
        }
    }

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        store.Apply(workspaceId, _pending);
        _done = true;
    }

    public void Dispose()
    {
        _pending.Clear();
        _done = true;
    }
}
