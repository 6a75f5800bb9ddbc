using System.Runtime.CompilerServices;
using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Events;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// The events writer's hook into the views: prepares each encoded event for the views on the
/// encoding thread (day, tuple and actor hashes), is told by the writer which rows were new
/// events (one flag each), and once a chunk is written hands it to a third stage that folds the
/// new events into the session's <see cref="ViewDelta"/>, so neither the writer nor the encoder
/// carries the fold. Updates of stored events come with both versions and are kept for the
/// commit (-old, +new) when a field the views read changed.
/// </summary>
internal sealed class EventViewCollector(ViewDelta delta, Action<ViewDelta> flush) : IEventObserver
{
    /// <summary>Chunks written but not yet folded, at most (bounds memory when the fold lags).</summary>
    private const int FoldsInFlight = 2;

    private readonly ViewChunk[] _filling = [new(), new()];
    private readonly Stack<ViewChunk> _spare = [];
    private readonly Queue<Task> _folds = [];
    private Task _folding = Task.CompletedTask;

    /// <summary>Count entries held before they are merged into the tables mid-session (bounds memory).</summary>
    internal static int FlushEntries { get; set; } = 1_000_000;

    /// <summary>The updates seen so far, old then new version for each.</summary>
    public List<(int Sign, EventFact Fact)> Changes { get; } = [];

    public void Encoding(int buffer) => _filling[buffer].Reset();

    public void Encoded(int buffer, int row, EventFact fact) => _filling[buffer].Set(row, delta.Prepare(fact));

    public void Inserted(int buffer, int row) => _filling[buffer].Inserted[row] = true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Written(int buffer)
    {
        var chunk = _filling[buffer];
        _filling[buffer] = Rent();
        while (_folds.Count >= FoldsInFlight)
        {
            _folds.Dequeue().GetAwaiter().GetResult();
        }

        // Chained: one fold at a time, in write order (the delta is not thread-safe).
        _folding = _folding.ContinueWith(
            previous =>
            {
                previous.GetAwaiter().GetResult();
                Fold(chunk);
                lock (_spare)
                {
                    _spare.Push(chunk);
                }
            },
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        _folds.Enqueue(_folding);
    }

    public void Updated(EventFact old, EventFact updated)
    {
        var (before, after) = (ViewFields(old), ViewFields(updated));
        if (!before.Equals(after))
        {
            Changes.Add((-1, before));
            Changes.Add((1, after));
        }
    }

    public void Finished()
    {
        _folds.Clear();
        _folding.GetAwaiter().GetResult();
        if (delta.CountEntries >= FlushEntries)
        {
            flush(delta);
        }
    }

    /// <summary>The event with only the fields the views read (a change elsewhere leaves them as they are).</summary>
    private static EventFact ViewFields(EventFact e) => e with { SessionId = null, Referrer = null, Properties = PropertyBag.Empty };

    private ViewChunk Rent()
    {
        lock (_spare)
        {
            return _spare.Count > 0 ? _spare.Pop() : new ViewChunk();
        }
    }

    // Runs for every imported event: straight to optimised code, no tier-0 phase (a profile showed 6% of the import there).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fold(ViewChunk chunk)
    {
        const int Far = 16, Near = 8;
        var (facts, inserted, count) = (chunk.Facts, chunk.Inserted, chunk.Count);
        for (var i = 0; i < count; i++)
        {
            if (i + Far < count && inserted[i + Far])
            {
                delta.Prefetch(facts[i + Far], stage2: false);
            }

            if (i + Near < count && inserted[i + Near])
            {
                delta.Prefetch(facts[i + Near], stage2: true);
            }

            if (inserted[i])
            {
                delta.Add(facts[i]);
                inserted[i] = false;
            }

            facts[i] = default;
        }

        chunk.Count = 0;
    }
}
