using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Tests.Metrics.Kpis;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Goals;

/// <summary>Fixtures for goals: leads and spend on builder days (day 1 = 2026-01-01), and the dates the tests pace on.</summary>
internal static class GoalWorld
{
    /// <summary>2026-01-11: ten days of January (1-10) have happened.</summary>
    public static readonly DateOnly January11 = new(2026, 1, 11);

    /// <summary>A world with <paramref name="count"/> leads spread over January 1-10 (and none after).</summary>
    public static KpiWorld WithJanuaryLeads(int count)
    {
        var world = new KpiWorld();
        world.Add([.. Leads(count, firstDay: 1, days: 10)]);
        return world;
    }

    /// <summary><paramref name="count"/> contacts becoming leads, round-robin over <paramref name="days"/> days from <paramref name="firstDay"/>.</summary>
    public static IEnumerable<IFact> Leads(int count, int firstDay, int days, string prefix = "c") =>
        Enumerable.Range(0, count).Select(i => new StageChangeBuilder($"{prefix}{i}").Stage(Stage.Lead).EnteredAt(firstDay + (i % days), hour: 9).Build());

    /// <summary>A custom KPI of the workspace (as <c>kpi define</c> saves it).</summary>
    public static KpiDefinition Custom(string id, string formula, KpiUnit unit = KpiUnit.Ratio, KpiDirection direction = KpiDirection.UpIsGood) =>
        new(id, id, unit, direction, formula, []) { Formula = formula };
}
