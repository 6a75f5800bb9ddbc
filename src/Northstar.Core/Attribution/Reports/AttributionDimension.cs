namespace Northstar.Core.Attribution.Reports;

/// <summary>What credits are reported by.</summary>
public enum AttributionDimension
{
    /// <summary>The touch's channel group (organic_search, paid_social, email...).</summary>
    Channel,

    /// <summary>The touch's campaign (touches without one are "(none)").</summary>
    Campaign,
}
