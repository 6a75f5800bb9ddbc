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
}
