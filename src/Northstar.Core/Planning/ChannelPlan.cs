namespace Northstar.Core.Planning;

/// <summary>
/// One channel's part of a plan: its share of the goal (its share of the look-back's customers),
/// its own rates from its own history, and the counts it needs over the period; or why it has none.
/// </summary>
/// <param name="Channel">The channel id (<c>organic_search</c>).</param>
/// <param name="GoalShare">Its share of the goal's customers, 0..1.</param>
/// <param name="Rates">Its rates from history, when they could be read (null when the channel has no customers in the look-back).</param>
/// <param name="Needed">Counts needed over the period, when its rates are all valid; null otherwise.</param>
/// <param name="Problems">Why <paramref name="Needed"/> is missing.</param>
public sealed record ChannelPlan(string Channel, double GoalShare, FunnelRates? Rates, StepCounts? Needed, IReadOnlyList<PlanProblem> Problems);
