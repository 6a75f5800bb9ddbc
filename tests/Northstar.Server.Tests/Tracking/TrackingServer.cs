using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using System.Text;
using Northstar.Core.Facts;
using Northstar.Core.Workspaces;
using Northstar.Server.Tracking;

namespace Northstar.Server.Tests.Tracking;

/// <summary>
/// A running server with workspace <c>acme</c> and its write key <see cref="Key"/>, and a client
/// that sends JSON to the tracking routes with that key (or another, or none), and waits until
/// what was journaled is merged into the store, so that a test reads the store right after.
/// Disposing (<see cref="ServerWorld"/>) stops the server and deletes its directory.
/// </summary>
internal sealed class TrackingServer : ServerWorld
{
    public const string Key = "wk_acme_test";

    /// <summary>The receive time of every request (the server's fixed clock).</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private TrackingServer(TempDirectory dir, RunningServer server, Workspace workspace)
        : base(dir, server)
    {
        Workspace = workspace;
        Client = Keep(server.Client());
    }

    public Workspace Workspace { get; }

    public HttpClient Client { get; }

    /// <summary>Starts the server over a new SQLite file, or over <paramref name="store"/> (a location such as <c>postgres:...</c>).</summary>
    public static async Task<TrackingServer> StartAsync(TrackingOptions? tracking = null, string? store = null)
    {
        var dir = new TempDirectory();
        var server = await RunningServer.StartAsync(new ServerOptions
        {
            Store = store ?? dir.File("northstar.db"), JournalDirectory = dir.Path, Port = 0, Time = new FrozenClock(Now),
            Tracking = tracking ?? new TrackingOptions(),
        });
        var workspace = server.Store.GetOrCreateWorkspace("acme");
        server.Accounts.CreateWriteKey(workspace, "site", Key);
        return new TrackingServer(dir, server, workspace);
    }

    /// <summary>A loopback port free now, for a server that must come back on the same port (a restart, a child process).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static AuthenticationHeaderValue Basic(string userAndPassword) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userAndPassword)));

    /// <summary>POSTs <paramref name="json"/> to <paramref name="path"/> with the key as Basic user name (null: no header).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string json, string? key = Key) =>
        PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), key);

    public async Task<HttpResponseMessage> PostAsync(string path, HttpContent content, string? key = Key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        if (key is not null)
        {
            request.Headers.Authorization = Basic(key + ":");
        }

        var response = await Client.SendAsync(request);
        // A 200 means journaled; the store has the events once the merge took them.
        await Server.App.Services.GetRequiredService<IngestWriter>().FlushAsync();
        return response;
    }

    public List<EventFact> Events() => [.. Server.Store.Read<EventFact>(Workspace)];
}
