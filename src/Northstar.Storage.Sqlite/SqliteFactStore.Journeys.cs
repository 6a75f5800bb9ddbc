using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Storage.Sqlite.Journeys;

namespace Northstar.Storage.Sqlite;

/// <summary>The attribution journeys' event read, straight from the event segments.</summary>
public sealed partial class SqliteFactStore
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
}
