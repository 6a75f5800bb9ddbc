using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Accounts;
using Northstar.Server;
using Northstar.Server.Accounts;

namespace Northstar.Bench;

/// <summary>
/// The JSON API's <c>attribution</c> route on the demo store of <see cref="MetricsBench"/> (37,000
/// contacts, about 10M events): a real server on a free loopback port, a client with an API token,
/// the same request a few times in a row (<c>conversion=customer&amp;period=2026-Q3</c>). Prints each
/// request's time: the first builds the journeys (reads every touch), the next are answered from
/// the journeys <see cref="Northstar.Server.Hosting.WorkspaceEngines"/> keeps.
/// Usage: <c>attribution-api [db] [requests]</c> (default: the 37,000-contact metrics bench store, 3 requests).
/// </summary>
internal static class AttributionApiBench
{
    private const string User = "attribution-api-bench";

    public static int Run(string[] args)
    {
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        return BenchServer.StorePath(args, "attribution-api") is { } path ? RunAsync(path, requests).GetAwaiter().GetResult() : 1;
    }

    private static async Task<int> RunAsync(string path, int requests)
    {
        var app = await BenchServer.StartAsync(path).ConfigureAwait(false);
        try
        {
            var (user, workspace) = BenchServer.Member(app, User, User + "-password", WorkspaceRole.Viewer);
            var (_, secret) = app.Services.GetRequiredService<AccountService>().CreateApiToken(user.Id, workspace, "bench", WorkspaceRole.Viewer);
            using var client = new HttpClient { BaseAddress = NorthstarServer.Address(app) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            var url = new Uri($"/api/workspaces/{workspace.Name}/attribution?conversion=customer&period=2026-Q3", UriKind.Relative);
            for (var i = 0; i < requests; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(url).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                Console.WriteLine(FormattableString.Invariant($"attribution-api: request {i + 1}: {watch.Elapsed.TotalMilliseconds:F1} ms ({body.Length} bytes)"));
            }

            return 0;
        }
        finally
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
