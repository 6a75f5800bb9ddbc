namespace Northstar.Core.Storage;

/// <summary>How many facts of each kind a workspace holds, and the time they span.</summary>
public sealed record FactSummary(IReadOnlyList<FactKindSummary> Kinds);
