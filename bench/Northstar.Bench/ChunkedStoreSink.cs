using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Bench;

/// <summary>
/// A store sink that commits every <c>eventsPerCommit</c> events and begins a new write
/// session, as a long import would: one session for 100M events kept every page it dirtied
/// (the random-order event key index) in one transaction, and was still writing its WAL
/// (5.8 GB) after 30 minutes. Each commit checkpoints what it wrote.
/// </summary>
internal sealed class ChunkedStoreSink(IFactStore store, Workspace workspace, long eventsPerCommit) : IFactSink
{
    private StoreFactSink _current = new(store, workspace);
    private long _events;

    /// <summary>Write sessions committed so far.</summary>
    public int Commits { get; private set; }

    public void Add<TFact>(TFact fact)
        where TFact : class, IFact
    {
        _current.Add(fact);
        if (fact is EventFact && ++_events % eventsPerCommit == 0)
        {
            _current.Complete();
            _current.Dispose();
            Commits++;
            _current = new StoreFactSink(store, workspace);
        }
    }

    public void Complete()
    {
        _current.Complete();
        Commits++;
    }

    public void Dispose() => _current.Dispose();
}
