namespace Northstar.Core.Alerts;

/// <summary>A goal's pacing status as alerts read it (the goals' pacing maps onto it).</summary>
public enum PacingState
{
    /// <summary>At or ahead of the target to date.</summary>
    OnTrack,

    /// <summary>Behind, within the at-risk threshold.</summary>
    AtRisk,

    /// <summary>Behind beyond the threshold.</summary>
    OffTrack,
}
