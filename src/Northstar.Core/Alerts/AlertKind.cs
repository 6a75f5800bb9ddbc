namespace Northstar.Core.Alerts;

/// <summary>Why an alert was raised.</summary>
public enum AlertKind
{
    /// <summary>A goal's KPI is at risk or off track against its target to date.</summary>
    Pacing,

    /// <summary>A KPI's daily value is an outlier against its own history.</summary>
    Outlier,
}
