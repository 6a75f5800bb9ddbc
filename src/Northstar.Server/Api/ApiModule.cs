using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Northstar.Server.Api;

/// <summary>The JSON API (<c>/api/*</c>) and its OpenAPI description (<c>/openapi/v1.json</c>).</summary>
public static class ApiModule
{
    public static void AddNorthstarApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi();
    }

    public static void MapNorthstarApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
    }
}
