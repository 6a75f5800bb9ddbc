using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Northstar.Server.Tracking;

/// <summary>
/// The Segment-compatible tracking API (<c>/v1/*</c>): services and routes. The routes take a
/// write key, never a cookie: they are anonymous to the authorization pipeline and never redirect.
/// </summary>
public static class TrackingModule
{
    public static void AddNorthstarTracking(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(sp => sp.GetRequiredService<ServerOptions>().Tracking);
        services.AddSingleton<WriteKeyRateLimiter>();
        services.AddSingleton<IngestWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestWriter>());
        services.AddSingleton<TrackingHandler>();
    }

    public static void MapNorthstarTracking(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var v1 = app.MapGroup("/v1").AllowAnonymous().ExcludeFromDescription();
        Map(v1, "/track", SegmentCall.Track);
        Map(v1, "/identify", SegmentCall.Identify);
        Map(v1, "/page", SegmentCall.Page);
        Map(v1, "/screen", SegmentCall.Screen);
        Map(v1, "/group", SegmentCall.Group);
        Map(v1, "/alias", SegmentCall.Alias);
        Map(v1, "/batch", null);
        Map(v1, "/import", null);
    }

    private static void Map(RouteGroupBuilder group, string path, SegmentCall? call) =>
        group.MapPost(path, (RequestDelegate)(http => http.RequestServices.GetRequiredService<TrackingHandler>().HandleAsync(http, call)));
}
