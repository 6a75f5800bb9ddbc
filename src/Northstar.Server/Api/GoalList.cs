using Northstar.Core.Goals;

namespace Northstar.Server.Api;

/// <summary>The answer of <c>GET goals</c>: the as-of day and every goal's row (as <c>goal list --format json</c>).</summary>
/// <param name="AsOf">The first day not counted.</param>
/// <param name="Goals">The goals, parents first, each with its pacing.</param>
public sealed record GoalList(DateOnly AsOf, IReadOnlyList<GoalRow> Goals);
