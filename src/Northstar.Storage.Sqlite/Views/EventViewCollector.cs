using System.Runtime.CompilerServices;
using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Events;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// The events writer's hook into the views: prepares each encoded event for the views on the
/// encoding thread, is told by the writer which rows were new events, and folds those into the
/// session's <see cref="ViewDelta"/> on the encoding thread when their buffer is refilled (the
/// writer thread's cost per row is one flag). Updates of stored events come with both versions
/// and are kept for the commit (-old, +new), when only the views' fields changed.
/// </summary>
internal sealed class EventViewCollector(ViewDelta delta, Action<ViewDelta> flush) : IEventObserver
{
    /// <summary>Count entries held before they are merged into the tables mid-session (bounds memory).</summary>
    internal static int FlushEntries { get; set; } = 1_000_000;

    private readonly PreparedEvent[][] _facts = [[], []];
    private readonly bool[][] _inserted = [[], []];
    private readonly int[] _count = new int[2];

    /// <summary>The updates seen so far, old then new version for each.</summary>
    public List<(int Sign, EventFact Fact)> Changes { get; } = [];

    public void Encoding(int buffer) => Fold(buffer);

    public void Encoded(int buffer, int row, EventFact fact)
    {
        if (row >= _facts[buffer].Length)
        {
            Array.Resize(ref _facts[buffer], Math.Max(row + 1, _facts[buffer].Length * 2));
            Array.Resize(ref _inserted[buffer], _facts[buffer].Length);
        }

        _facts[buffer][row] = delta.Prepare(fact);
        _count[buffer] = row + 1;
    }

    public void Inserted(int buffer, int row) => _inserted[buffer][row] = true;

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
        Fold(0);
        Fold(1);
        if (delta.CountEntries >= FlushEntries)
        {
            flush(delta);
        }
    }

    /// <summary>The event with only the fields the views read (a change elsewhere leaves them as they are).</summary>
    private static EventFact ViewFields(EventFact e) => e with { SessionId = null, Referrer = null, Properties = PropertyBag.Empty };

    // Runs for every imported event: straight to optimised code, no tier-0 phase (a profile showed 6% of the import there).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fold(int buffer)
    {
        var (facts, inserted) = (_facts[buffer], _inserted[buffer]);
        for (var i = 0; i < _count[buffer]; i++)
        {
            if (inserted[i])
            {
                delta.Add(facts[i]);
                inserted[i] = false;
            }

            facts[i] = default;
        }

        _count[buffer] = 0;
    }
}
