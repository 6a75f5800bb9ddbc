using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Accounts;
using Northstar.Core.Goals;
using Northstar.Core.Storage;
using Northstar.Server;

namespace Northstar.Bench;

/// <summary>
/// The dashboard's overview page on the demo store of <see cref="MetricsBench"/> (37,000 contacts,
/// about 10M events): a real server on a free loopback port, a client signed in with a cookie,
/// requesting the overview repeatedly, month (2026-09) and quarter (2026-Q3) views in turn. Prints
/// the first request on its own, then p50 / p95 / max of the request time seen by the client and
/// of the page's own Server-Timing (the cards' computation). Target: p95 under 150 ms. Two goals
/// (leads and spend, 2026) are saved for the run so that cards pace against targets, and deleted after.
/// Usage: <c>overview [db] [requests]</c> (default: the 37,000-contact metrics bench store, 200 requests).
/// </summary>
internal static class OverviewBench
{
    private const string User = "overview-bench";
    private const string Password = "overview-bench-password";

    /// <summary>Each card's times from the Server-Timing header, by KPI id (timed requests only).</summary>
    private static readonly Dictionary<string, List<double>> Parts = new(StringComparer.Ordinal);

    public static int Run(string[] args)
    {
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        return BenchServer.StorePath(args, "overview") is { } path ? RunAsync(path, requests).GetAwaiter().GetResult() : 1;
    }

    private static async Task<int> RunAsync(string path, int requests)
    {
        var app = await BenchServer.StartAsync(path).ConfigureAwait(false);
        try
        {
            var workspace = BenchServer.Member(app, User, Password, WorkspaceRole.Admin).Workspace.Name;
            SetGoals(app, workspace, add: true);
            var address = NorthstarServer.Address(app);
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
            using var client = new HttpClient(handler) { BaseAddress = address };
            using (var login = await client.PostAsJsonAsync(new Uri("/api/login", UriKind.Relative), new { name = User, password = Password }).ConfigureAwait(false))
            {
                login.EnsureSuccessStatusCode();
            }

            var urls = new[] { $"/w/{workspace}?view=month&period=2026-09", $"/w/{workspace}?view=quarter&period=2026-Q3" };
            var (firstMs, firstServer) = await Get(client, urls[0]).ConfigureAwait(false);
            Console.WriteLine(FormattableString.Invariant($"overview: first request {firstMs:F1} ms (server {firstServer:F1} ms; a new engine reads the views, JIT included)"));
            var (quarterMs, quarterServer) = await Get(client, urls[1]).ConfigureAwait(false);
            Parts.Clear();
            Console.WriteLine(FormattableString.Invariant($"overview: first quarter request {quarterMs:F1} ms (server {quarterServer:F1} ms)"));
            var total = new List<double>();
            var server = new List<double>();
            for (var i = 0; i < requests; i++)
            {
                var (ms, serverMs) = await Get(client, urls[i % 2]).ConfigureAwait(false);
                total.Add(ms);
                server.Add(serverMs);
            }

            Print("request (client)", total);
            Print("Server-Timing", server);
            foreach (var (card, times) in Parts)
            {
                Print("  card " + card, times);
            }
            return 0;
        }
        finally
        {
            SetGoals(app, app.Services.GetRequiredService<IFactStore>().FindWorkspace("bench")?.Name, add: false);
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void SetGoals(WebApplication app, string? name, bool add)
    {
        var store = app.Services.GetRequiredService<IFactStore>();
        var goals = app.Services.GetRequiredService<IGoalStore>();
        if (name is null || store.FindWorkspace(name) is not { } workspace)
        {
            return;
        }

        Goal[] all = [new("overview-bench-leads", "leads", 60_000, "2026"), new("overview-bench-spend", "spend", 5_000_000, "2026")];
        foreach (var goal in all)
        {
            if (add)
            {
                goals.SaveGoal(workspace, goal);
            }
            else
            {
                goals.DeleteGoal(workspace, goal.Id);
            }
        }
    }

    private static async Task<(double Ms, double ServerMs)> Get(HttpClient client, string url)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative)).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains("class=\"card\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}, no cards");
        }

        var timing = response.Headers.TryGetValues("Server-Timing", out var values) ? string.Join(", ", values) : "";
        var parts = timing.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(";dur=")).Where(p => p.Length == 2)
            .Select(p => (Name: p[0], Ms: double.Parse(p[1], CultureInfo.InvariantCulture))).ToList();
        foreach (var (name, partMs) in parts.Skip(1))
        {
            (Parts.TryGetValue(name, out var list) ? list : Parts[name] = []).Add(partMs);
        }

        return (ms, parts.Count > 0 ? parts[0].Ms : double.NaN);
    }

    private static void Print(string what, List<double> values)
    {
        values.Sort();
        double At(double q) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(q * values.Count) - 1)];
        Console.WriteLine(FormattableString.Invariant($"overview: {what}, {values.Count} requests: p50 {At(0.5):F1} ms, p95 {At(0.95):F1} ms, max {values[^1]:F1} ms"));
    }
}
