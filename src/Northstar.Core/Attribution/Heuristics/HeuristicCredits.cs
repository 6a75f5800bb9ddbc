namespace Northstar.Core.Attribution.Heuristics;

/// <summary>Every heuristic model's credits from one pass, and the simplified Shapley credits beside them.</summary>
/// <param name="ByModel">Per model, credits ordered by key (ordinal), as the single-model calls return them.</param>
/// <param name="Shapley">Simplified Shapley: each converted journey (path) split equally over its distinct keys.</param>
public sealed record HeuristicCredits(IReadOnlyDictionary<HeuristicModel, IReadOnlyList<ChannelCredit>> ByModel, IReadOnlyList<ChannelCredit> Shapley);
