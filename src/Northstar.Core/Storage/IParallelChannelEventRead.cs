using Northstar.Core.Facts;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Storage;

/// <summary>
/// A store that can hand the events of <see cref="IFactStore.ReadChannelEvents"/> to several
/// threads at once, ids as UTF-8: attribution journeys then group them by actor on those threads
/// instead of one.
/// </summary>
public interface IParallelChannelEventRead
{
    /// <summary>
    /// Reads the same events as <see cref="IFactStore.ReadChannelEvents"/> with these arguments:
    /// each reading thread calls <paramref name="newReceiver"/> (from any thread, possibly at the
    /// same time as another) for a receiver of its own, and hands it its events; returns when
    /// every event has been handed on.
    /// </summary>
    void ReadChannelEvents(
        Workspace workspace, IReadOnlySet<EventType> types, DateTimeOffset? from, DateTimeOffset? until, Func<IChannelEventReceiver> newReceiver);
}
