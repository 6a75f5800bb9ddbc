namespace Northstar.Server.Tests;

/// <summary>
/// A running server over a store in its own temp directory, and the clients a test made for it:
/// disposing stops the server, disposes the clients and deletes the directory. The tests' worlds
/// (<c>AccountsServer</c>, <c>ApiWorld</c>) add their workspaces and users on top.
/// </summary>
internal abstract class ServerWorld(TempDirectory dir, RunningServer server) : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    public RunningServer Server { get; } = server;

    /// <summary>Starts a server over a new store in a new temp directory.</summary>
    protected static async Task<(TempDirectory Dir, RunningServer Server)> StartServerAsync(TimeProvider? time)
    {
        var dir = new TempDirectory();
        return (dir, await RunningServer.StartAsync(dir.File("northstar.db"), time));
    }

    /// <summary>Keeps <paramref name="client"/> to dispose with the world, and returns it.</summary>
    protected HttpClient Keep(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
        dir.Dispose();
    }
}
