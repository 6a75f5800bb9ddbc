namespace Northstar.Core.Alerts;

/// <summary>How urgent an alert is.</summary>
public enum AlertSeverity
{
    /// <summary>Worth knowing (an outlier in the good direction).</summary>
    Info,

    /// <summary>Look at it this week (at risk, an outlier in the bad direction).</summary>
    Warning,

    /// <summary>Act now (off track).</summary>
    Critical,
}
