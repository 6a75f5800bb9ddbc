using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Accounts;
using Northstar.Core.Storage;

namespace Northstar.Server.Tests;

/// <summary>
/// A real Northstar server on a free loopback port over a real SQLite file: what the tests
/// send HTTP to. Dispose stops it (the store file stays for the caller's temp directory).
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private RunningServer(WebApplication app, string dbPath)
    {
        App = app;
        DbPath = dbPath;
        Address = NorthstarServer.Address(app);
    }

    public WebApplication App { get; }

    public string DbPath { get; }

    /// <summary>The base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    public IFactStore Store => App.Services.GetRequiredService<IFactStore>();

    public IAccountStore Accounts => App.Services.GetRequiredService<IAccountStore>();

    /// <summary>Starts a server over the store at <paramref name="dbPath"/> (created when missing).</summary>
    public static Task<RunningServer> StartAsync(string dbPath, TimeProvider? time = null) =>
        StartAsync(new ServerOptions { Store = dbPath, Port = 0, Time = time ?? TimeProvider.System });

    /// <summary>Starts a server with these options (Port 0 for a free port; a fixed port to restart on the same address).</summary>
    public static async Task<RunningServer> StartAsync(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = NorthstarServer.Build(options);
        await app.StartAsync();
        return new RunningServer(app, options.Store!);
    }

    /// <summary>A client of this server without cookies or credentials.</summary>
    public HttpClient Client() => new() { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
