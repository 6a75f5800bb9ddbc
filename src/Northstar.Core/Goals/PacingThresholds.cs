using System.Globalization;
using Northstar.Core.Metrics;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Goals;

/// <summary>
/// The attainment (actual over target to date; target over actual for a down-is-good KPI) from
/// which a goal is on track or at risk; below <see cref="AtRisk"/> it is off track. Defaults:
/// on track from 0.95, at risk from 0.85. Settings <c>pacing_on_track</c> and <c>pacing_at_risk</c>.
/// </summary>
public sealed record PacingThresholds
{
    public PacingThresholds(double onTrack = 0.95, double atRisk = 0.85)
    {
        if (!(atRisk > 0 && atRisk <= onTrack && onTrack <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(atRisk), $"Pacing thresholds need 0 < at risk ({atRisk}) <= on track ({onTrack}) <= 1.");
        }

        OnTrack = onTrack;
        AtRisk = atRisk;
    }

    /// <summary>The defaults: 0.95 and 0.85.</summary>
    public static PacingThresholds Default { get; } = new();

    /// <summary>From this attainment on, on track.</summary>
    public double OnTrack { get; }

    /// <summary>From this attainment on (and below <see cref="OnTrack"/>), at risk.</summary>
    public double AtRisk { get; }

    /// <summary>
    /// The workspace's thresholds (defaults for what is not set). An at-risk setting above the
    /// on-track one is lowered to it (there is then no at-risk band) rather than refused, so a
    /// half-changed pair never stops a report.
    /// </summary>
    public static PacingThresholds Load(ICustomKpiStore store, Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(store);
        var onTrack = Read(store, workspace, MetricSettings.PacingOnTrack) ?? Default.OnTrack;
        var atRisk = Read(store, workspace, MetricSettings.PacingAtRisk) ?? Default.AtRisk;
        return new PacingThresholds(onTrack, Math.Min(atRisk, onTrack));
    }

    /// <summary>The status of an attainment.</summary>
    public PacingStatus StatusOf(double attainment) =>
        attainment >= OnTrack ? PacingStatus.OnTrack : attainment >= AtRisk ? PacingStatus.AtRisk : PacingStatus.OffTrack;

    private static double? Read(ICustomKpiStore store, Workspace workspace, string key) =>
        double.TryParse(store.GetSetting(workspace, key), CultureInfo.InvariantCulture, out var value) && value > 0 && value <= 1 ? value : null;
}
