using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Storage.Sqlite.Journeys;

namespace Northstar.Storage.Sqlite;

/// <summary>The attribution journeys' event read, straight from the event segments.</summary>
public sealed partial class SqliteFactStore : IParallelChannelEventRead
{
    /// <summary>
    /// As <see cref="IFactStore.ReadChannelEvents"/> documents; decodes only the fields a journey
    /// reads, skips segments outside the range and inflates segments in parallel
    /// (<see cref="ChannelEventReader"/>).
    /// </summary>
    public IEnumerable<ChannelEvent> ReadChannelEvents(
        Workspace workspace, IReadOnlySet<EventType> types, DateTimeOffset? from = null, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(types);
        return ChannelEventReader.Read(OpenConnection, workspace.Id, types, from, until);
    }

    /// <summary>
    /// As <see cref="IParallelChannelEventRead.ReadChannelEvents"/> documents: the same segment
    /// read, each inflating thread handing its events to its own receiver.
    /// </summary>
    void IParallelChannelEventRead.ReadChannelEvents(
        Workspace workspace, IReadOnlySet<EventType> types, DateTimeOffset? from, DateTimeOffset? until, Func<IChannelEventReceiver> newReceiver)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(newReceiver);
        ChannelEventReader.ReadInto(OpenConnection, workspace.Id, types, from, until, newReceiver);
    }
}
