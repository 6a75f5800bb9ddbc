using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Northstar.Core.Accounts;
using Northstar.Core.Goals;
using Northstar.Core.Metrics;
using Northstar.Core.Storage;
using Northstar.Server.Accounts;
using Northstar.Server.Api;
using Northstar.Server.Hosting;
using Northstar.Server.Pages;
using Northstar.Server.Tracking;
using Northstar.Storage;

namespace Northstar.Server;

/// <summary>
/// <c>northstar serve</c>: one ASP.NET Core host with the tracking API (<c>/v1/*</c>), the JSON
/// API (<c>/api/*</c>, described at <c>/openapi/v1.json</c>) and the dashboard, over one store.
/// </summary>
public static class NorthstarServer
{
    /// <summary>Builds the host (not started): <c>await app.StartAsync()</c>, then <see cref="Address"/>.</summary>
    public static WebApplication Build(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(NorthstarServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            // No file watcher on the configuration: it reacted to every WAL write of a store kept nearby.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(options.Verbose ? LogLevel.Information : LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
        });

        var location = (options.Store is { } named ? StoreLocation.Parse(named) : null)
            ?? StoreLocation.FromConfiguration(builder.Configuration["Storage:Provider"], builder.Configuration.GetConnectionString("Northstar"))
            ?? throw new StoreUnavailableException("No store named: pass one, or set Storage:Provider and ConnectionStrings:Northstar.");
        var store = location.Open();
        store.AccountClock = options.Time;
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(location);
        services.AddSingleton(options.Time);
        services.AddSingleton<IFactStore>(store);
        services.AddSingleton<ICustomKpiStore>(store);
        services.AddSingleton<IGoalStore>(store);
        services.AddSingleton<IAccountStore>(store);
        services.AddSingleton<Core.Import.IImportLog>(store);
        services.AddSingleton<WorkspaceEngines>();
        services.AddProblemDetails();
        services.AddExceptionHandler<StoreDownHandler>();

        builder.AddNorthstarAccounts();
        builder.AddNorthstarTracking();
        builder.AddNorthstarApi();
        builder.AddNorthstarDashboard();

        var app = builder.Build();
        // The container does not dispose an instance it was given: release the store's pooled
        // connections once the host has stopped (after the tracking merger has drained).
        app.Lifetime.ApplicationStopped.Register(store.Dispose);
        app.UseNorthstarErrors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapNorthstarAccounts();
        app.MapNorthstarTracking();
        app.MapNorthstarApi();
        app.MapNorthstarDashboard();
        return app;
    }

    /// <summary>
    /// The address a started server answers at on this machine, e.g. <c>http://127.0.0.1:5080</c>
    /// (the real port when 0 was asked; 127.0.0.1 when it listens on every interface).
    /// </summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server has no addresses; start it first.");
        var address = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        return new Uri(address);
    }
}
