using Northstar.Core.Alerts;
using Northstar.Core.Goals;

namespace Northstar.Core.Tests.Alerts;

public class PacingAlertsTests
{
    [Fact]
    public void From_OffTrackAtRiskOnTrack_CriticalThenWarningAndNothingForOnTrack()
    {
        PacingInput[] pacing =
        [
            new("g-mqls", "mqls", PacingStatus.AtRisk, 180, 200) { Period = "2025-Q3", AsOf = new DateOnly(2025, 8, 15) },
            new("g-leads", "leads", PacingStatus.OnTrack, 620, 600),
            new("g-sessions", "sessions", PacingStatus.OffTrack, 41_200, 60_000) { Period = "2025-Q3", AsOf = new DateOnly(2025, 8, 15) },
        ];

        var alerts = PacingAlerts.From(pacing);

        Assert.Equal(["g-sessions", "g-mqls"], alerts.Select(a => a.GoalId));
        Assert.Equal([AlertSeverity.Critical, AlertSeverity.Warning], alerts.Select(a => a.Severity));
        Assert.All(alerts, a => Assert.Equal(AlertKind.Pacing, a.Kind));
        // 41,200 / 60,000 = 68.67% -> "69%"; 180 / 200 = 90%.
        Assert.Equal(
            "Goal g-sessions (sessions, 2025-Q3) is off track: 41,200 to date against 60,000 due by 2025-08-15 (69% of it).",
            alerts[0].Why);
        Assert.Equal("Goal g-mqls (mqls, 2025-Q3) is at risk: 180 to date against 200 due by 2025-08-15 (90% of it).", alerts[1].Why);
        Assert.Equal(41_200, alerts[0].Value);
        Assert.Equal(60_000, alerts[0].Reference);
    }

    [Fact]
    public void From_NotStartedAndNoData_RaiseNothing()
    {
        PacingInput[] pacing = [new("g-next", "leads", PacingStatus.NotStarted, 0, 0), new("g-empty", "mqls", PacingStatus.NoData, 0, 50)];

        Assert.Empty(PacingAlerts.From(pacing));
    }

    [Fact]
    public void From_TargetToDateZero_SaysNoShare()
    {
        var alerts = PacingAlerts.From([new PacingInput("g1", "customers", PacingStatus.AtRisk, 0, 0)]);

        Assert.Equal("Goal g1 (customers) is at risk: 0 to date against 0 due to date.", Assert.Single(alerts).Why);
    }
}
