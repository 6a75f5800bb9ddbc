using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Northstar.Server;

namespace Northstar.Cli.Commands;

/// <summary>
/// <c>northstar serve</c>: the dashboard, the JSON API and the tracking API over an existing
/// store, until Ctrl+C. <c>northstar demo</c> ends the same way.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The port most commands serve on unless told otherwise.</summary>
    public const int DefaultPort = 5080;

    public static Command Create(CliContext context)
    {
        var port = PortOption();
        var host = new Option<string>("--host")
        {
            Description = "The address to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface).",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var command = new Command("serve", "Serve the dashboard, the JSON API and the tracking API over the store (Ctrl+C stops).") { port, host };
        command.SetAction((parse, ct) =>
        {
            var db = parse.GetValue(CommonOptions.Db)!;
            if (!StoreAccess.Exists(db))
            {
                context.Error.WriteLine($"error: no database at '{db}'. Run 'northstar demo' or 'northstar import' first.");
                return Task.FromResult(1);
            }

            return RunAsync(context, db, parse.GetValue(host)!, parse.GetValue(port), ServerLogins.FirstAdmin, ct);
        });
        return command;
    }

    /// <summary>A new <c>--port</c> option (5080 by default).</summary>
    public static Option<int> PortOption() => new("--port")
    {
        Description = $"The port to serve on ({DefaultPort} by default).",
        DefaultValueFactory = _ => DefaultPort,
    };

    /// <summary>
    /// Starts the server over <paramref name="db"/>, prints its address and how to log in
    /// (<paramref name="login"/> returns that line, given the running app), and serves until
    /// cancelled (Ctrl+C). Exit code 1 when the address cannot be bound.
    /// </summary>
    public static async Task<int> RunAsync(
        CliContext context, string db, string host, int port, Func<WebApplication, string> login, CancellationToken ct)
    {
        if (port is < 0 or > 65_535)
        {
            context.Error.WriteLine($"error: --port {port} is not a port (0-65535).");
            return 2;
        }

        if (!System.Net.IPAddress.TryParse(host, out _))
        {
            context.Error.WriteLine($"error: --host '{host}' is not an IP address (e.g. 127.0.0.1 or 0.0.0.0).");
            return 2;
        }

        var app = NorthstarServer.Build(new ServerOptions { Store = db, Host = host, Port = port });
        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync(ct).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                // Kestrel's "Failed to bind to address ...: address already in use."
                context.Error.WriteLine($"error: {e.Message} Pass --port to use another port.");
                return 1;
            }

            var address = NorthstarServer.Address(app);
            context.Out.WriteLine($"Northstar is serving {Storage.StoreLocation.Parse(db)} at {address.ToString().TrimEnd('/')}");
            context.Out.WriteLine(login(app));
            context.Out.WriteLine("Tracking API: POST /v1/batch (Segment-compatible); JSON API: /api, described at /openapi/v1.json. Ctrl+C stops.");
            context.Out.Flush();
            try
            {
                await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop below.
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return 0;
    }
}
