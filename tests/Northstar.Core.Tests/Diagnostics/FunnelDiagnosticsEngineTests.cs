using Northstar.Core.Diagnostics;
using Northstar.Core.Facts;
using Northstar.Core.Planning;
using Northstar.Core.Tests.Metrics.Kpis;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Diagnostics;

public class FunnelDiagnosticsEngineTests
{
    // Plan for January (31 days): 31 sessions, half become leads, half of those MQLs, then every one goes on.
    private static readonly DiagnosisPlan Plan = new(31, FunnelDiagnosticsTests.Rates(0.5, 0.5, 1, 1, 1), "plan");

    [Fact]
    public void Diagnose_JanuaryOnTheEleventh_CountsTenDaysAndProRatesPlannedSessions()
    {
        // Arrange: 6 sessions on days 1-6 and 5 on day 12 (after today); c1-c3 leads on days 2-4,
        // c1 MQL 5, SQL 6, opportunity 7, customer 8.
        using var world = JanuaryWorld();
        var engine = world.Engine(now: new DateTimeOffset(2026, 1, 11, 12, 0, 0, TimeSpan.Zero));

        // Act
        var diagnosis = FunnelDiagnostics.Diagnose(engine, KpiWorld.January, Plan, "2026-01");

        // Assert: by hand. Planned sessions 31 x 10/31 = 10; counted 6: 4 short x 0.5 x 0.5 = 1 customer.
        // Leads 0.5 x 6 = 3 as planned; MQLs 0.5 x 3 = 1.5 expected, 1 counted: 0.5 short x 1 = 0.5 customers.
        Assert.Equal([6, 3, 1, 1, 1, 1], diagnosis.Stages.Select(s => s.Actual));
        Assert.Equal(10, diagnosis.Stages[0].Expected, precision: 9);
        Assert.Equal(1.0, diagnosis.Stages[0].CustomersLost, precision: 9);
        Assert.Equal(0, diagnosis.Stages[1].CustomersLost, precision: 9);
        Assert.Equal(0.5, diagnosis.Stages[2].CustomersLost, precision: 9);
        Assert.Equal(FunnelStep.Sessions, diagnosis.Bottleneck!.Step);
        Assert.Contains("The period is not over: 10 of 31 days counted, planned sessions pro-rated to them.", diagnosis.Notes);
    }

    [Fact]
    public void Diagnose_BeforeThePeriodStarts_NoBottleneckAndSaysSo()
    {
        using var world = JanuaryWorld();
        var engine = world.Engine(now: new DateTimeOffset(2025, 12, 20, 0, 0, 0, TimeSpan.Zero));

        var diagnosis = FunnelDiagnostics.Diagnose(engine, KpiWorld.January, Plan);

        Assert.Null(diagnosis.Bottleneck);
        Assert.Contains("The period has not started: nothing to diagnose yet.", diagnosis.Notes);
    }

    [Fact]
    public void DiagnoseFromHistory_NoHistory_ReturnsTheProblem()
    {
        using var world = JanuaryWorld();

        var diagnosis = FunnelDiagnostics.DiagnoseFromHistory(world.Engine(), KpiWorld.January, out var problem);

        Assert.Null(diagnosis);
        Assert.Equal("The history of the previous four periods, 2025-09-01..2025-12-31 has no Sessions: no plan can come from it.", problem);
    }

    private static KpiWorld JanuaryWorld()
    {
        var world = new KpiWorld();
        int[] sessionDays = [1, 2, 3, 4, 5, 6, 12, 12, 12, 12, 12];
        world.Add([.. sessionDays.Select((day, i) => new EventBuilder($"s{i}").SessionStart().At(day, hour: 9).Anonymous($"a{i}").Build())]);
        world.Add(
            Enter("c1", Stage.Lead, 2), Enter("c2", Stage.Lead, 3), Enter("c3", Stage.Lead, 4),
            Enter("c1", Stage.Mql, 5), Enter("c1", Stage.Sql, 6), Enter("c1", Stage.Opportunity, 7), Enter("c1", Stage.Customer, 8));
        return world;
    }

    private static StageChange Enter(string contact, Stage stage, int day) => new StageChangeBuilder(contact).Stage(stage).EnteredAt(day).Build();
}
