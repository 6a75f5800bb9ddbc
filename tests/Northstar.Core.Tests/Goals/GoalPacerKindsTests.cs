using Northstar.Core.Facts;
using Northstar.Core.Goals;
using Northstar.Core.Metrics;
using Northstar.Core.Tests.Metrics.Kpis;
using Northstar.Testing.Builders;
using Northstar.Testing;

namespace Northstar.Core.Tests.Goals;

/// <summary>Pacing of KPIs that are not counts: a down-is-good ceiling and a rate, both paced against the target itself.</summary>
public class GoalPacerKindsTests
{
    [Theory]
    [InlineData(25, 1.25, PacingStatus.OnTrack)] // CPL 1,000 / 25 = 40; 50 / 40 = 1.25
    [InlineData(18, 0.9, PacingStatus.AtRisk)] // CPL 55.56; 50 / 55.56 = 0.9
    [InlineData(15, 0.75, PacingStatus.OffTrack)] // CPL 66.67; 50 / 66.67 = 0.75
    public void Pace_CostPerLeadCeiling_AttainmentIsTargetOverActual(int leads, double attainment, PacingStatus expected)
    {
        using var world = new KpiWorld();
        world.Add([new SpendBuilder("paid_search").On(5).Kind(SpendKind.Media).Amount(1000m).Build(), .. GoalWorld.Leads(leads, 1, 10)]);
        var goal = new Goal("cpl-q1", "cost_per_lead", 50, "2026-Q1");

        var pacing = new GoalPacer(world.Engine()).Pace(goal, GoalWorld.January11);

        Assert.Equal(1000.0 / leads, pacing.Actual!.Value, precision: 9);
        Assert.Equal(attainment, pacing.Attainment!.Value, precision: 9);
        Assert.Equal(expected, pacing.Status);

        // A rate is not pro-rated: the target to date is the ceiling itself, and there is no daily rate to keep.
        Assert.False(pacing.ProRated);
        Assert.Equal(50, pacing.TargetToDate);
        Assert.Null(pacing.RequiredDailyRate);
        Assert.Contains(pacing.Notes, n => n.Contains("not pro-rated", StringComparison.Ordinal));
    }

    [Fact]
    public void Pace_CostPerLeadWithNoSpendImported_NoDataRatherThanUnderTheCeiling()
    {
        using var world = GoalWorld.WithJanuaryLeads(10);

        var pacing = new GoalPacer(world.Engine()).Pace(new Goal("cpl-q1", "cost_per_lead", 50, "2026-Q1"), GoalWorld.January11);

        // 0 spend / 10 leads = 0: more likely spend not imported than free leads.
        Assert.Equal(0, pacing.Actual);
        Assert.Equal(PacingStatus.NoData, pacing.Status);
        Assert.StartsWith("no data yet: no cost_per_lead recorded from 2026-01-01 to 2026-01-10", pacing.Notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Pace_CustomRateKpi_PacedAgainstTheTargetItself()
    {
        // Ten sessions on days 1-10, one lead: 1 / 10 = 0.1 against a 0.2 target: attainment 0.5, off track.
        using var world = KpiWorld.WithSessions(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        world.Add([.. GoalWorld.Leads(1, 3, 1)]);
        var rate = GoalWorld.Custom("lead_rate", "leads / sessions");
        var custom = new MetricsEngine(world.Store, world.Workspace, null, new ManualClock(KpiWorld.LongAfter), [rate]);
        var goal = new Goal("lead-rate", "lead_rate", 0.2, "2026");

        var pacing = new GoalPacer(custom).Pace(goal, GoalWorld.January11);

        Assert.Equal(0.1, pacing.Actual!.Value, precision: 12);
        Assert.Equal(0.2, pacing.TargetToDate);
        Assert.Equal(0.5, pacing.Attainment!.Value, precision: 12);
        Assert.Equal(PacingStatus.OffTrack, pacing.Status);
    }

    [Theory]
    [InlineData("leads", true)]
    [InlineData("spend", true)]
    [InlineData("revenue_new", true)]
    [InlineData("cost_per_lead", false)]
    [InlineData("win_rate", false)]
    [InlineData("average_deal_size", false)]
    [InlineData("email_leads", true)] // leads[channel = "email"]
    [InlineData("net_leads", true)] // 2 * leads - mqls / 4
    [InlineData("lead_rate", false)] // leads / sessions
    [InlineData("no_such_kpi", false)]
    public void IsAdditive_BuiltInAndCustomKpis_OnlyCountsAndSumsOfThem(string id, bool expected)
    {
        using var world = new KpiWorld();
        var custom = new[]
        {
            GoalWorld.Custom("email_leads", "leads[channel = \"email\"]", KpiUnit.Count),
            GoalWorld.Custom("net_leads", "2 * leads - mqls / 4", KpiUnit.Count),
            GoalWorld.Custom("lead_rate", "leads / sessions"),
        };
        var engine = new MetricsEngine(world.Store, world.Workspace, null, new ManualClock(KpiWorld.LongAfter), custom);

        Assert.Equal(expected, engine.IsAdditive(id));
    }
}
