namespace Northstar.Server.Api;

/// <summary>The answer of <c>GET facts</c> (as <c>northstar facts --format json</c>).</summary>
/// <param name="Workspace">The workspace's name.</param>
/// <param name="Kinds">One entry per fact kind, in the store's order.</param>
public sealed record FactsAnswer(string Workspace, IReadOnlyList<FactKindCount> Kinds);
