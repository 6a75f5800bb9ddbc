using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Northstar.Server.Pages;

/// <summary>
/// The dashboard: Razor Pages under <c>/w/{workspace}/...</c> (signed-in users; a workspace the
/// caller cannot see is a 404 page), <c>/login</c>, <c>/logout</c>, and the files they load from
/// <c>assets/</c> beside the assembly, served under <c>/assets</c> (the chart library included: no CDN).
/// </summary>
public static class DashboardModule
{
    public static void AddNorthstarDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/W");
            // The overview is the workspace's home (/w/{workspace}); its name in the menu works as an address too.
            options.Conventions.AddPageRoute("/W/Overview", "w/{workspace}/overview");
        });
    }

    public static void MapNorthstarDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assets = Path.Combine(AppContext.BaseDirectory, "assets");
        Directory.CreateDirectory(assets);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(assets),
            RequestPath = "/assets",
        });
        app.MapRazorPages();
    }
}
