using Northstar.Core.Facts;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// One local day's changes to the counting views in a session: the rollup by (dims index, type)
/// and, per event type, each actor's signed count of events. Small enough to stay in cache while
/// the day's events are folded.
/// </summary>
internal sealed class DayCounts(int day)
{
    private static readonly int Types = Enum.GetValues<EventType>().Max(t => (int)t) + 1;

    public int Day { get; } = day;

    /// <summary>Key: dims index &lt;&lt; 8 | type.</summary>
    public FlatMap<RollupSum> Rollup { get; } = new(256);

    /// <summary>By event type (null until one is counted): actor hash to signed count.</summary>
    public FlatMap<int>?[] Actors { get; } = new FlatMap<int>?[Types];
}
