using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Bench;

/// <summary>
/// A store sink that commits every <c>eventsPerCommit</c> events and begins a new write
/// session, as a long import would: one session for 100M events kept every page it dirtied
/// (the random-order event key index) in one transaction, and was still writing its WAL
/// (5.8 GB) after 30 minutes. Each commit checkpoints what it wrote, and prints a progress line
/// (a 100M-event build takes half an hour or more).
/// </summary>
internal sealed class ChunkedStoreSink(IFactStore store, Workspace workspace, long eventsPerCommit) : IFactSink
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
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
            Console.WriteLine($"building: {_events:N0} events committed in {_clock.Elapsed.TotalSeconds:F0} s ({_events / _clock.Elapsed.TotalSeconds:N0} events/s), load {Load.Average()}");
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
