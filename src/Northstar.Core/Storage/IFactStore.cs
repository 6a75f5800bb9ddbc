using Northstar.Core.Channels;
using Northstar.Core.Facts;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Storage;

/// <summary>
/// A backend that keeps facts. Every method is scoped to one workspace; a backend never
/// returns a fact of another workspace. Implementations: SQLite (embedded default), later
/// PostgreSQL and ClickHouse. All of them pass the same contract test suite.
/// </summary>
public interface IFactStore : IDisposable
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

    /// <summary>Every fact of one kind in the workspace, in natural-key order.</summary>
    IEnumerable<TFact> Read<TFact>(Workspace workspace)
        where TFact : class, IFact;

    /// <summary>Counts and time ranges per kind.</summary>
    FactSummary Summarize(Workspace workspace);

    /// <summary>The workspace's channel rules, applied before the default grouping (empty when none).</summary>
    IReadOnlyList<ChannelRule> GetChannelRules(Workspace workspace);

    /// <summary>Replaces the workspace's channel rules.</summary>
    void SetChannelRules(Workspace workspace, IReadOnlyList<ChannelRule> rules);
}
