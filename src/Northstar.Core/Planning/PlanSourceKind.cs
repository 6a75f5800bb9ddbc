namespace Northstar.Core.Planning;

/// <summary>Where a planning input came from.</summary>
public enum PlanSourceKind
{
    /// <summary>Typed in by the user.</summary>
    Typed,

    /// <summary>Measured over a look-back range of the workspace's history.</summary>
    History,
}
