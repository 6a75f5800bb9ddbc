namespace Northstar.Core.Metrics;

/// <summary>What a change means for the KPI.</summary>
public enum ChangeVerdict
{
    /// <summary>One of the two values is missing.</summary>
    Unknown,

    /// <summary>No change.</summary>
    Same,

    /// <summary>Moved the way the KPI's direction calls good.</summary>
    Better,

    /// <summary>Moved the wrong way.</summary>
    Worse,

    /// <summary>Moved, but the KPI has no good direction.</summary>
    Neutral,
}
