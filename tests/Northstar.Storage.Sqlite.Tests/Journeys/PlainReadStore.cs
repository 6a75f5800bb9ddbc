using Northstar.Core.Channels;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Storage.Sqlite.Tests.Journeys;

/// <summary>
/// The same SQLite store seen through <see cref="IFactStore"/>'s default
/// <see cref="IFactStore.ReadChannelEvents"/> (every event decoded, then filtered): the reference
/// the store's fast read is checked against. Every other member forwards unchanged.
/// </summary>
internal sealed class PlainReadStore(SqliteFactStore inner) : IFactStore
{
    public Workspace GetOrCreateWorkspace(string name) => inner.GetOrCreateWorkspace(name);

    public Workspace? FindWorkspace(string name) => inner.FindWorkspace(name);

    public IReadOnlyList<Workspace> ListWorkspaces() => inner.ListWorkspaces();

    public IFactWriteSession BeginWrite(Workspace workspace) => inner.BeginWrite(workspace);

    public IEnumerable<TFact> Read<TFact>(Workspace workspace)
        where TFact : class, IFact => inner.Read<TFact>(workspace);

    public FactSummary Summarize(Workspace workspace) => inner.Summarize(workspace);

    public void ClearFacts(Workspace workspace) => inner.ClearFacts(workspace);

    public IReadOnlyList<ChannelRule> GetChannelRules(Workspace workspace) => inner.GetChannelRules(workspace);

    public void SetChannelRules(Workspace workspace, IReadOnlyList<ChannelRule> rules) => inner.SetChannelRules(workspace, rules);

    public IReadOnlyList<EventRollupRow> ReadEventRollup(Workspace workspace, DateRange range, IReadOnlyCollection<EventType>? types = null) =>
        inner.ReadEventRollup(workspace, range, types);

    public long CountDistinctActors(Workspace workspace, IReadOnlyCollection<EventType> types, DateRange range) =>
        inner.CountDistinctActors(workspace, types, range);

    public IReadOnlyList<ContactLifecycle> ReadLifecycles(Workspace workspace) => inner.ReadLifecycles(workspace);

    public IReadOnlyList<IdentityLink> ReadIdentities(Workspace workspace) => inner.ReadIdentities(workspace);

    public long DataVersion(Workspace workspace) => inner.DataVersion(workspace);

    public void Dispose()
    {
        // The inner store belongs to the test.
    }
}
