using System.Globalization;
using Northstar.Core.Goals;

namespace Northstar.Core.Alerts;

/// <summary>Turns goals' pacing into alerts: off track is critical, at risk a warning, on track nothing.</summary>
public static class PacingAlerts
{
    /// <summary>One alert per goal at risk or off track (not started and no data raise none), the most urgent first (then by goal id).</summary>
    public static IReadOnlyList<Alert> From(IEnumerable<PacingInput> pacing)
    {
        ArgumentNullException.ThrowIfNull(pacing);
        return [.. pacing.Where(p => p.Status is PacingStatus.AtRisk or PacingStatus.OffTrack).Select(ToAlert)
            .OrderByDescending(a => a.Severity).ThenBy(a => a.GoalId, StringComparer.Ordinal)];
    }

    private static Alert ToAlert(PacingInput p)
    {
        var status = p.Status == PacingStatus.OffTrack ? "off track" : "at risk";
        var scope = p.Period is null ? p.KpiId : $"{p.KpiId}, {p.Period}";
        var due = p.AsOf is { } asOf ? $" due by {asOf:yyyy-MM-dd}" : " due to date";
        var share = p.TargetToDate != 0 ? string.Create(CultureInfo.InvariantCulture, $" ({p.Actual / p.TargetToDate * 100:0}% of it)") : "";
        var why = string.Create(
            CultureInfo.InvariantCulture,
            $"Goal {p.GoalId} ({scope}) is {status}: {Number(p.Actual)} to date against {Number(p.TargetToDate)}{due}{share}.");
        return new Alert(AlertKind.Pacing, p.KpiId, p.Status == PacingStatus.OffTrack ? AlertSeverity.Critical : AlertSeverity.Warning, why)
        {
            GoalId = p.GoalId, Period = p.Period, Value = p.Actual, Reference = p.TargetToDate,
        };
    }

    private static string Number(double value) =>
        value.ToString(Math.Abs(value) >= 100 ? "N0" : "0.##", CultureInfo.InvariantCulture);
}
