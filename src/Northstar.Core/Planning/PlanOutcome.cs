using System.Diagnostics.CodeAnalysis;

namespace Northstar.Core.Planning;

/// <summary>A plan, or the problems that stopped it (every bad input at once, each naming its step).</summary>
public sealed record PlanOutcome(FunnelPlan? Plan, IReadOnlyList<PlanProblem> Problems)
{
    /// <summary>True when <see cref="Plan"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Plan))]
    public bool IsSuccess => Plan is not null;

    internal static PlanOutcome Failure(IReadOnlyList<PlanProblem> problems) => new(null, problems);
}
