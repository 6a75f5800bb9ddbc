using Northstar.Core.Goals;
using Northstar.Core.Metrics.Periods;
using Northstar.Core.Tests.Metrics.Kpis;

namespace Northstar.Core.Tests.Goals;

/// <summary>A goal's seasonal split from its KPI's months in the year before its period.</summary>
public class GoalSeasonalityTests
{
    [Fact]
    public void FromHistory_LeadsInJanuaryAndMarchLastYear_WeightsByMonth()
    {
        // 2025: 9 leads in January (day -355 = 2025-01-10), 3 in March (day -296 = 2025-03-10), none otherwise.
        using var world = new KpiWorld();
        world.Add([.. GoalWorld.Leads(9, firstDay: -355, days: 1, prefix: "j"), .. GoalWorld.Leads(3, firstDay: -296, days: 1, prefix: "m")]);

        var (weights, problem) = GoalSeasonality.FromHistory(world.Engine(), "leads", Period.Year(2026));

        // Mean month = 12 / 12 = 1: January 9 / 1 = 9, March 3, the rest 0.
        Assert.Null(problem);
        Assert.Equal([9, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0], weights!.Select(w => Math.Round(w, 12)));
    }

    [Fact]
    public void FromHistory_RateOrNoHistory_ProblemInstead()
    {
        using var world = new KpiWorld();

        var rate = GoalSeasonality.FromHistory(world.Engine(), "cost_per_lead", Period.Year(2026));
        var empty = GoalSeasonality.FromHistory(world.Engine(), "leads", Period.Year(2026));

        Assert.Null(rate.Weights);
        Assert.StartsWith("cost_per_lead is not a count or an amount", rate.Problem, StringComparison.Ordinal);
        Assert.Null(empty.Weights);
        Assert.StartsWith("no leads in 2025-01-01..2025-12-31, the year before 2026", empty.Problem, StringComparison.Ordinal);
    }
}
