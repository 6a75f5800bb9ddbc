using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Northstar.Server.Pages;

/// <summary>The dashboard: Razor Pages and the files they load from <c>assets/</c>.</summary>
public static class DashboardModule
{
    public static void AddNorthstarDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorPages();
    }

    public static void MapNorthstarDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorPages();
    }
}
