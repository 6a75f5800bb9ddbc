namespace Northstar.Core.Attribution.Heuristics;

/// <summary>The rule-based attribution models: each splits one converted journey's credit over its touches.</summary>
public enum HeuristicModel
{
    /// <summary>All credit to the first touch.</summary>
    FirstTouch,

    /// <summary>All credit to the last touch.</summary>
    LastTouch,

    /// <summary>All credit to the last touch whose channel is not <c>direct</c>; an all-direct journey credits its last touch.</summary>
    LastNonDirectTouch,

    /// <summary>Equal credit to every touch.</summary>
    Linear,

    /// <summary>Weight 2^(-(conversion time - touch time) / half-life), normalised per journey.</summary>
    TimeDecay,

    /// <summary>U-shaped: 40% first, 40% last, 20% over the middle; 50/50 for two touches; 100% for one.</summary>
    PositionBased,

    /// <summary>30% first, 30% lead creation, 30% opportunity creation, 10% over the rest (see <see cref="TouchWeights"/>).</summary>
    WShaped,

    /// <summary>22.5% each to first, lead creation, opportunity creation and last (close), 10% over the rest.</summary>
    FullPath,
}
