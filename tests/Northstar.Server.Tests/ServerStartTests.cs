using System.Net;

namespace Northstar.Server.Tests;

public sealed class ServerStartTests
{
    [Fact]
    public async Task Serves_the_openapi_description_on_a_free_port()
    {
        using var dir = new TempDirectory();
        await using var server = await RunningServer.StartAsync(dir.File("northstar.db"));
        using var client = server.Client();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(0, server.Address.Port);
        Assert.Contains("\"openapi\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listening_on_every_interface_is_reported_at_the_loopback_address()
    {
        using var dir = new TempDirectory();
        await using var server = await RunningServer.StartAsync(new ServerOptions { Store = dir.File("northstar.db"), Host = "0.0.0.0", Port = 0 });
        using var client = server.Client();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal("127.0.0.1", server.Address.Host);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_stopped_server_lets_another_open_the_same_store()
    {
        using var dir = new TempDirectory();
        var db = dir.File("northstar.db");
        await using (var first = await RunningServer.StartAsync(db))
        {
            first.Store.GetOrCreateWorkspace("acme");
        }

        await using var second = await RunningServer.StartAsync(db);

        Assert.Equal(["acme"], second.Store.ListWorkspaces().Select(w => w.Name));
    }
}
