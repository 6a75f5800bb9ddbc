using Northstar.Core.Attribution.Heuristics;

namespace Northstar.Core.Tests.Attribution.Heuristics;

/// <summary>Every heuristic model, as theory data: a test that must hold for all of them takes these.</summary>
public static class EveryHeuristicModel
{
    public static TheoryData<HeuristicModel> All => [.. Enum.GetValues<HeuristicModel>()];
}
