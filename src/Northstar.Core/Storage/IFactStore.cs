using Northstar.Core.Channels;
using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Storage;

/// <summary>
/// A backend that keeps facts. Every method is scoped to one workspace; a backend never
/// returns a fact of another workspace. Implementations: SQLite (embedded default), later
/// PostgreSQL and ClickHouse. All of them pass the same contract test suite
/// (tests/Northstar.Testing/Contracts/FactStoreContract.cs).
/// </summary>
/// <remarks>
/// Precision: timestamps are kept as UTC instants to the microsecond (the offset a fact came
/// with is not kept; the part below a microsecond is dropped), dates as dates, decimals
/// exactly (trailing zeros are not kept: 1.50 reads back as 1.5, an equal decimal), doubles
/// exactly, properties as given. The derived views (<see cref="IDerivedViews"/>) are kept in
/// step with the facts: a commit updates both at once, a rollback neither, and every view read
/// equals what <see cref="DerivedViewBuilder"/> computes from the stored facts.
/// </remarks>
public interface IFactStore : IDerivedViews, IDisposable
{
    /// <summary>The workspace of that name, created (in UTC) if it does not exist.</summary>
    Workspace GetOrCreateWorkspace(string name);

    /// <summary>The workspace of that name, or null.</summary>
    Workspace? FindWorkspace(string name);

    /// <summary>Every workspace, by name.</summary>
    IReadOnlyList<Workspace> ListWorkspaces();

    /// <summary>
    /// Starts a write: one transaction. Nothing it wrote is visible or durable until
    /// <see cref="IFactWriteSession.Commit"/>; disposing without commit (or a crash) leaves the
    /// store exactly as it was.
    /// </summary>
    IFactWriteSession BeginWrite(Workspace workspace);

    /// <summary>
    /// Every fact of one kind in the workspace, in no particular order, streamed: the
    /// enumeration holds a read of the store open until it ends or is disposed.
    /// </summary>
    IEnumerable<TFact> Read<TFact>(Workspace workspace)
        where TFact : class, IFact;

    /// <summary>
    /// Count and time range of every kind (all ten, in <see cref="FactKind"/> order; a kind
    /// without facts has count 0 and no range), by each kind's main timestamp: events and
    /// activities <c>timestamp</c>, contacts and accounts and deals <c>created_at</c>, stages
    /// <c>entered_at</c>, subscriptions <c>started_at</c>, surveys <c>answered_at</c>, spend and
    /// series <c>date</c> (as midnight UTC). Facts without that timestamp count but set no bound.
    /// </summary>
    FactSummary Summarize(Workspace workspace);

    /// <summary>
    /// Deletes every fact of the workspace, of every kind, and its derived views, in one
    /// transaction; the workspace and its channel rules stay. Other workspaces are untouched.
    /// </summary>
    void ClearFacts(Workspace workspace);

    /// <summary>
    /// The events of the given types that carry a channel, with timestamp in
    /// [<paramref name="from"/>, <paramref name="until"/>) (open ends when null), in no particular
    /// order, streamed: what attribution journeys read. This default filters
    /// <see cref="Read{TFact}"/>; a store overrides it with a read that decodes only those fields.
    /// </summary>
    IEnumerable<ChannelEvent> ReadChannelEvents(
        Workspace workspace, IReadOnlySet<EventType> types, DateTimeOffset? from = null, DateTimeOffset? until = null) =>
        ChannelEvent.Select(Read<EventFact>(workspace), types, from, until);

    /// <summary>The workspace's channel rules, applied before the default grouping (empty when none).</summary>
    IReadOnlyList<ChannelRule> GetChannelRules(Workspace workspace);

    /// <summary>Replaces the workspace's channel rules.</summary>
    void SetChannelRules(Workspace workspace, IReadOnlyList<ChannelRule> rules);
}
