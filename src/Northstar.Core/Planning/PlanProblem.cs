namespace Northstar.Core.Planning;

/// <summary>Why a plan cannot be made as asked: a bad rate (named by its step), a bad goal, a look-back without data.</summary>
/// <param name="Message">The reason, for a person.</param>
/// <param name="Step">The rate's earlier step when the problem is one rate; null otherwise.</param>
public sealed record PlanProblem(string Message, FunnelStep? Step = null);
