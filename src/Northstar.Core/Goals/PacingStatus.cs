namespace Northstar.Core.Goals;

/// <summary>Where a goal stands against its target to date.</summary>
public enum PacingStatus
{
    /// <summary>At or above the on-track share of the target to date (within the ceiling for a down-is-good KPI).</summary>
    OnTrack,

    /// <summary>Between the at-risk and the on-track shares.</summary>
    AtRisk,

    /// <summary>Below the at-risk share.</summary>
    OffTrack,

    /// <summary>The period has not started on the as-of date.</summary>
    NotStarted,

    /// <summary>Nothing recorded for the KPI in the period so far (no data imported yet, or a rate over zero).</summary>
    NoData,
}
