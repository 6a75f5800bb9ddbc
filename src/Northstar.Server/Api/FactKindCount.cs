using Northstar.Core.Facts;

namespace Northstar.Server.Api;

/// <summary>One fact kind in <see cref="FactsAnswer"/>.</summary>
/// <param name="Kind">The kind, by snake_case name (<c>events</c>, <c>stages</c>, <c>spend</c>, ...).</param>
/// <param name="Count">How many facts of the kind the workspace holds.</param>
/// <param name="First">The earliest fact's time; null when there are none.</param>
/// <param name="Last">The latest fact's time; null when there are none.</param>
public sealed record FactKindCount(FactKind Kind, long Count, DateTimeOffset? First, DateTimeOffset? Last);
