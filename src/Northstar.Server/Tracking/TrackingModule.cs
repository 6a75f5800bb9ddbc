using Microsoft.AspNetCore.Builder;

namespace Northstar.Server.Tracking;

/// <summary>The Segment-compatible tracking API (<c>/v1/*</c>): services and routes.</summary>
public static class TrackingModule
{
    public static void AddNorthstarTracking(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
    }

    public static void MapNorthstarTracking(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
