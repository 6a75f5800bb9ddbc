using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Northstar.Cli.Tests;

/// <summary>
/// <c>northstar demo</c> ends by serving the company it simulated, printing the address and a
/// login that works; <c>northstar serve</c> serves an existing store the same way.
/// </summary>
public sealed partial class DemoServeTests
{
    [Fact]
    public async Task Demo_serves_its_dashboard_with_the_printed_login()
    {
        using var dir = new TempDirectory();
        var port = FreePort();
        using var process = Start(dir.Path, "demo", "--contacts", "100", "--years", "1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var (address, password) = await ReadLoginAsync(process);

            Assert.Equal(new Uri($"http://127.0.0.1:{port}"), address);
            Assert.Equal("admin", password.Name);
            using var client = new HttpClient { BaseAddress = address };
            using var loginPage = await client.GetAsync(new Uri("/login", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, loginPage.StatusCode);

            // The printed password signs in, as admin of the demo's workspace.
            using var login = await client.PostAsJsonAsync(new Uri("/api/login", UriKind.Relative), new { name = password.Name, password = password.Secret });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            using var me = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
            var workspace = Assert.Single(me.RootElement.GetProperty("workspaces").EnumerateArray());
            Assert.Equal("default", workspace.GetProperty("workspace").GetString());
            Assert.Equal("admin", workspace.GetProperty("role").GetString());

            using var wrong = await client.PostAsJsonAsync(new Uri("/api/login", UriKind.Relative), new { name = "admin", password = password.Secret + "x" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Serve_makes_a_first_admin_once_and_says_so()
    {
        using var dir = new TempDirectory();
        var (code, _, err) = CliProcess.Run(dir.Path, "demo", "--contacts", "100", "--years", "1", "--no-serve");
        Assert.True(code == 0, err);

        var port = FreePort();
        using (var first = Start(dir.Path, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            try
            {
                var (_, login) = await ReadLoginAsync(first);
                Assert.Equal("admin", login.Name);
            }
            finally
            {
                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync();
            }
        }

        // The second time the admin exists: no new password is printed.
        using var second = Start(dir.Path, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var line = await ReadLineContainingAsync(second, "Log in");
            Assert.DoesNotContain("password", line, StringComparison.Ordinal);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void Serve_without_a_store_says_how_to_make_one()
    {
        using var dir = new TempDirectory();

        var (code, _, err) = CliProcess.Run(dir.Path, "serve", "--port", "0");

        Assert.Equal(1, code);
        Assert.Contains("no database at 'northstar.db'", err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("northstar.db")));
    }

    [Fact]
    public void A_taken_port_is_an_error_naming_the_option()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, CliProcess.Run(dir.Path, "demo", "--contacts", "100", "--years", "1", "--no-serve").ExitCode);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (code, _, err) = CliProcess.Run(dir.Path, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, code);
        Assert.Contains("--port", err, StringComparison.Ordinal);
    }

    private static Process Start(string directory, params string[] args)
    {
        var info = CliProcess.StartInfo(directory, args);
        return Process.Start(info)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(Uri Address, (string Name, string Secret) Login)> ReadLoginAsync(Process process)
    {
        var serving = await ReadLineContainingAsync(process, "Northstar is serving");
        var address = new Uri(serving[(serving.LastIndexOf(" at ", StringComparison.Ordinal) + 4)..].Trim());
        var login = await ReadLineContainingAsync(process, "Log in");
        var match = LoginLine().Match(login);
        Assert.True(match.Success, login);
        return (address, (match.Groups[1].Value, match.Groups[2].Value));
    }

    private static async Task<string> ReadLineContainingAsync(Process process, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"northstar ended without printing '{text}': {await process.StandardError.ReadToEndAsync()}");
    }

    [GeneratedRegex(@"Log in as (\S+) with password (\S+)")]
    private static partial Regex LoginLine();
}
