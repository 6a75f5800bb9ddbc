using Northstar.Core.Facts;

namespace Northstar.Core.Storage;

/// <summary>Count and time range (UTC, by the kind's main timestamp) of one kind; null range when empty.</summary>
public sealed record FactKindSummary(FactKind Kind, long Count, DateTimeOffset? First, DateTimeOffset? Last);
