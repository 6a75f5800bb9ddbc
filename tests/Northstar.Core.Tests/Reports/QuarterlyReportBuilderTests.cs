using Northstar.Core.Diagnostics;
using Northstar.Core.Goals;
using Northstar.Core.Metrics.Periods;
using Northstar.Core.Planning;
using Northstar.Core.Reports;
using Northstar.Core.Tests.Goals;
using Northstar.Core.Tests.Metrics.Kpis;

namespace Northstar.Core.Tests.Reports;

public sealed class QuarterlyReportBuilderTests
{
    private static readonly Period Q1 = Period.Quarter(2026, 1);
    private static readonly DateOnly February1 = new(2026, 2, 1);

    [Fact]
    public void Build_MidQuarter_PacesTheGoalsThatOverlapIt()
    {
        // Arrange: 93 leads, 3 a day over January 1-31.
        using var world = new KpiWorld();
        world.Add([.. GoalWorld.Leads(93, firstDay: 1, days: 31)]);
        Goal[] goals =
        [
            new("leads-q1", "leads", 270, "2026-Q1"),
            new("leads-2026", "leads", 1200, "2026"),
            new("leads-2025", "leads", 1000, "2025"),
        ];

        // Act
        var report = QuarterlyReportBuilder.Build(world.Engine(), goals, PacingThresholds.Default, Q1, February1);

        // Assert: Q1 by Feb 1: a third of 270 due (90), 93/90 = 1.033 on track; the year: 1200/12 = 100 due,
        // 93/100 = 0.93, at risk (0.85 <= 0.93 < 0.95); 2025 does not overlap Q1 2026.
        Assert.Equal(February1, report.AsOf);
        Assert.Equal(["leads-2026", "leads-q1"], report.Goals.Select(g => g.Pacing.Goal.Id).Order());
        var quarter = report.Goals.Single(g => g.Pacing.Goal.Id == "leads-q1").Pacing;
        Assert.Equal(90, quarter.TargetToDate, 9);
        Assert.Equal(93.0 / 90, quarter.Attainment!.Value, 9);
        Assert.Equal(PacingStatus.OnTrack, quarter.Status);
        var year = report.Goals.Single(g => g.Pacing.Goal.Id == "leads-2026").Pacing;
        Assert.Equal(100, year.TargetToDate, 9);
        Assert.Equal(PacingStatus.AtRisk, year.Status);
        var alert = Assert.Single(report.Alerts, a => a.Kind == Core.Alerts.AlertKind.Pacing);
        Assert.Equal("leads-2026", alert.GoalId);
        Assert.Equal(Core.Alerts.AlertSeverity.Warning, alert.Severity);
        Assert.Contains(report.Notes, n => n.Contains("not over", StringComparison.Ordinal) && n.Contains("31 of 90", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_AfterTheQuarter_ReportsAsOfItsEndAndForecastsTheYear()
    {
        using var world = new KpiWorld();
        world.Add([.. GoalWorld.Leads(93, firstDay: 1, days: 31)]);
        Goal[] goals = [new("leads-q1", "leads", 270, "2026-Q1")];

        var report = QuarterlyReportBuilder.Build(world.Engine(), goals, PacingThresholds.Default, Q1, new DateOnly(2026, 11, 22));

        // The quarter is over: final result 93 of 270 (0.344, off track), and its forecast is the actual itself.
        Assert.Equal(new DateOnly(2026, 4, 1), report.AsOf);
        Assert.DoesNotContain(report.Notes, n => n.Contains("not over", StringComparison.Ordinal));
        var line = Assert.Single(report.Goals);
        Assert.Equal(PacingStatus.OffTrack, line.Pacing.Status);
        Assert.Equal(93, line.Forecast!.Expected, 9);
        Assert.Equal(93, line.Forecast.Low80, 9);
        Assert.Equal(0, line.Forecast.ProbabilityOfTarget);
    }

    [Fact]
    public void Build_CostPerLeadGoal_IsPacedAndSaysWhyItHasNoForecast()
    {
        using var world = new KpiWorld();
        world.Add([.. GoalWorld.Leads(10, firstDay: 1, days: 10)]);
        Goal[] goals = [new("cpl", "cost_per_lead", 150, "2026-Q1")];

        var report = QuarterlyReportBuilder.Build(world.Engine(), goals, PacingThresholds.Default, Q1, February1);

        var line = Assert.Single(report.Goals);
        Assert.Null(line.Forecast);
        Assert.False(string.IsNullOrWhiteSpace(line.ForecastProblem));
    }

    [Fact]
    public void Build_NoHistoryForAPlan_SaysWhyAndHasNoFocus()
    {
        using var world = new KpiWorld();
        world.Add([.. GoalWorld.Leads(93, firstDay: 1, days: 31)]);

        var report = QuarterlyReportBuilder.Build(world.Engine(), [], PacingThresholds.Default, Q1, February1);

        Assert.Null(report.Funnel);
        Assert.False(string.IsNullOrWhiteSpace(report.FunnelProblem));
        Assert.Empty(report.Focus);
    }

    [Fact]
    public void Build_BeforeTheQuarter_Throws()
    {
        using var world = new KpiWorld();

        var error = Assert.Throws<ArgumentException>(() => QuarterlyReportBuilder.Build(world.Engine(), [], PacingThresholds.Default, Q1, new DateOnly(2026, 1, 1)));

        Assert.Contains("nothing to report", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FocusOf_TwoShortfalls_MostCustomersLostFirst()
    {
        // Plan: 1,000 sessions, 3% to leads, then 20%, 50%, 50%, 50%. Actual: 1,000 sessions, 20 leads, 4 MQLs,
        // 2 SQLs, 1 opportunity, 0 customers. Leads: 30 expected, 10 short x 0.2 x 0.5 x 0.5 x 0.5 = 0.25
        // customers lost; customers: 0.5 expected, 0.5 lost; the other stages are on plan.
        var plan = new DiagnosisPlan(1000, new Dictionary<FunnelStep, double>
        {
            [FunnelStep.Sessions] = 0.03, [FunnelStep.Leads] = 0.2, [FunnelStep.Mqls] = 0.5, [FunnelStep.Sqls] = 0.5, [FunnelStep.Opportunities] = 0.5,
        }, "plan");
        var diagnosis = FunnelDiagnostics.Diagnose(new FunnelCounts([1000, 20, 4, 2, 1, 0]), Q1.Range, plan);

        var focus = QuarterlyReportBuilder.FocusOf(diagnosis);

        Assert.Equal([FunnelStep.Customers, FunnelStep.Leads], focus.Select(f => f.Stage.Step));
        Assert.Equal(0.5, focus[0].Stage.CustomersLost, 9);
        Assert.Equal(0.25, focus[1].Stage.CustomersLost, 9);
        Assert.Equal([FocusAreas.SalesEnablement.Id, FocusAreas.ConversionRateOptimisation.Id], focus.Select(f => f.Area.Id));
    }
}
