using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Accounts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Server;
using Northstar.Server.Accounts;
using Northstar.Storage.Sqlite;

namespace Northstar.Bench;

/// <summary>What the server benches share: the demo store they run on, and a bench user in its workspace.</summary>
internal static class BenchServer
{
    /// <summary>
    /// The store the first argument names, or the 37,000-contact store <see cref="MetricsBench"/>
    /// builds and keeps (about 10M events); null, with the reason printed, when it does not exist.
    /// </summary>
    public static string? StorePath(string[] args, string bench)
    {
        var path = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), $"northstar-metricsbench-37000-{SqliteFactStore.SchemaFingerprint}.db");
        if (File.Exists(path))
        {
            return path;
        }

        Console.Error.WriteLine($"{bench}: no store at {path}; run 'metrics 37000' first (it builds and keeps it).");
        return null;
    }

    /// <summary>A started server over the store on a free loopback port.</summary>
    public static async Task<WebApplication> StartAsync(string path)
    {
        var app = NorthstarServer.Build(new ServerOptions { Store = path, Port = 0 });
        await app.StartAsync().ConfigureAwait(false);
        return app;
    }

    /// <summary>
    /// The user <paramref name="name"/> (made when missing, its password set to <paramref name="password"/>)
    /// with <paramref name="role"/> in the bench workspace (<c>bench</c>, else the store's first).
    /// </summary>
    public static (UserAccount User, Workspace Workspace) Member(WebApplication app, string name, string password, WorkspaceRole role)
    {
        var accounts = app.Services.GetRequiredService<IAccountStore>();
        var service = app.Services.GetRequiredService<AccountService>();
        var store = app.Services.GetRequiredService<IFactStore>();
        var workspace = store.FindWorkspace("bench") ?? store.ListWorkspaces()[0];
        var user = accounts.FindUser(name);
        if (user is null)
        {
            user = service.CreateUser(name, password);
        }
        else
        {
            service.SetPassword(user.Id, password);
        }

        accounts.SetRole(user.Id, workspace, role);
        return (user, workspace);
    }
}
