using System.Runtime.CompilerServices;
using Northstar.Core.Facts;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// One local day's changes to the counting views in a session: the rollup by (dims index, type)
/// and, per event type, each actor's signed count of events. Reused for another day after a
/// flush (<see cref="Reuse"/>): its maps keep their arrays, which on a busy day are large
/// enough for the large-object heap, whose churn caused most of the import's full collections.
/// </summary>
internal sealed class DayCounts(int day)
{
    private static readonly int Types = Enum.GetValues<EventType>().Max(t => (int)t) + 1;

    public int Day { get; private set; } = day;

    /// <summary>
    /// Key: dims index &lt;&lt; 8 | type; value: signed count of events (an int: one session
    /// does not bring 2^31 events of one tuple, type and day). Counts only, so an entry is 16
    /// bytes and a day's map stays small; the value sums are kept apart (<see cref="Values"/>).
    /// </summary>
    public FlatMap<int> Rollup { get; } = new(256);

    /// <summary>The sums of <see cref="Core.Facts.EventFact.Value"/>, by the same key, for the entries whose events carried one.</summary>
    public FlatMap<decimal> Values { get; } = new(16);

    /// <summary>By event type (null until one is counted): actor hash to signed count.</summary>
    public FlatMap<int>?[] Actors { get; } = new FlatMap<int>?[Types];

    /// <summary>Empties the counts and gives them to <paramref name="day"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DayCounts Reuse(int day)
    {
        Day = day;
        Rollup.Clear();
        Values.Clear();
        foreach (var map in Actors)
        {
            map?.Clear();
        }

        return this;
    }
}
