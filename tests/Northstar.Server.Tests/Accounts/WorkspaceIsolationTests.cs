using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Accounts;
using Northstar.Core.Goals;
using Northstar.Core.Metrics;
using Northstar.Server.Hosting;
using Xunit.Abstractions;

namespace Northstar.Server.Tests.Accounts;

/// <summary>
/// Nothing of one workspace is visible from another, by any route: every endpoint the running
/// server has with <c>{workspace}</c> in its route (found at run time, so routes added later are
/// covered too) is called with every method it accepts, against workspace bravo, by everyone
/// who is not bravo's: alpha's admin (cookie), alpha's admin token, alpha's write key, nobody.
/// </summary>
public sealed class WorkspaceIsolationTests(ITestOutputHelper output)
{
    // Things only bravo has: none may appear in an answer to someone outside bravo.
    private const string BravoUser = "bravo-boss-7q";
    private const string BravoTokenName = "bravo-token-x9";
    private const string BravoKeyName = "bravo-key-k4";
    private const string BravoGoal = "bravo-goal-g2";
    private const string BravoBrand = "BravoBrandZ8";

    private const string ProbeBody = """
        {"name":"probe-name","password":"probe-password-1","role":"viewer","kpi":"leads","target":1,
         "period":"2026","id":"probe-id","formula":"leads","value":"1","key":"brand"}
        """;

    [Fact]
    public async Task EveryWorkspaceRoute_OutsidersOfBravo_NeverSucceedNorSeeBravosData()
    {
        await using var s = await AccountsServer.StartAsync();
        var (alphaToken, alphaKey, bravoMarkers) = Arrange(s);
        var endpoints = WorkspaceEndpoints(s);
        Assert.Contains(endpoints, e => e.Pattern.RawText!.EndsWith("/write-keys", StringComparison.Ordinal));
        var callers = new (string Who, HttpClient Client)[]
        {
            ("alpha admin (cookie)", await s.LoginAsync("alpha-admin")),
            ("alpha admin token", s.WithToken(alphaToken)),
            ("alpha write key (Basic)", s.WithWriteKey(alphaKey)),
            ("no credentials", s.Anonymous()),
        };

        await AssertCredentialsWorkAsync(s, callers[0].Client, callers[1].Client, callers[2].Client);

        var failures = new List<string>();
        foreach (var (who, client) in callers)
        {
            failures.AddRange(await OutsiderFailuresAsync(endpoints, who, client, bravoMarkers));
        }

        output.WriteLine($"{endpoints.Count} workspace routes, {endpoints.Sum(e => e.Methods.Count) * callers.Length} outsider calls");
        foreach (var (pattern, methods, needs) in endpoints)
        {
            output.WriteLine($"  {string.Join(',', methods)} {pattern.RawText} ({needs})");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task OutsiderCheck_RunAsBravosOwnAdmin_ReportsSuccessesAndBravosData()
    {
        // The check above must be able to fail: bravo's own admin is no outsider.
        await using var s = await AccountsServer.StartAsync();
        var (_, _, bravoMarkers) = Arrange(s);
        var endpoints = WorkspaceEndpoints(s);

        var failures = await OutsiderFailuresAsync(endpoints, "bravo admin", await s.LoginAsync(BravoUser), bravoMarkers);

        Assert.Contains(failures, f => f.StartsWith("GET /api/workspaces/{workspace}/users as bravo admin: 200", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains($"shows bravo's '{BravoUser}'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("for a missing workspace", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryWorkspaceRoute_BravosOwnAdmin_GetsPastTheWorkspaceCheck()
    {
        await using var s = await AccountsServer.StartAsync();
        Arrange(s);
        var endpoints = WorkspaceEndpoints(s);
        var bravoAdmin = await s.LoginAsync(BravoUser);

        var failures = new List<string>();
        foreach (var (pattern, methods, _) in endpoints)
        {
            foreach (var method in methods)
            {
                using var response = await SendAsync(bravoAdmin, method, pattern, "bravo");
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || body.Contains("No such workspace", StringComparison.Ordinal))
                {
                    failures.Add($"{method} {pattern.RawText}: {(int)response.StatusCode} {body}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task EveryRoleLimitedRoute_ViewerTokenOfBravosAdmin_NeverSucceeds()
    {
        await using var s = await AccountsServer.StartAsync();
        Arrange(s);
        var boss = s.Accounts.FindUser(BravoUser)!;
        var (_, secret) = s.Service.CreateApiToken(boss.Id, s.Bravo, "viewer only", WorkspaceRole.Viewer);
        var client = s.WithToken(secret);
        var limited = WorkspaceEndpoints(s).Where(e => e.Needs > WorkspaceRole.Viewer).ToList();
        Assert.NotEmpty(limited);

        var failures = new List<string>();
        foreach (var (pattern, methods, _) in limited)
        {
            foreach (var method in methods)
            {
                using var response = await SendAsync(client, method, pattern, "bravo");
                if ((int)response.StatusCode is >= 200 and < 300)
                {
                    failures.Add($"{method} {pattern.RawText}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData(WorkspaceRole.Viewer)]
    [InlineData(WorkspaceRole.Editor)]
    public async Task EveryWorkspaceRoute_MemberWithALowerRole_RoutesAboveItNeverSucceedRoutesAtOrBelowAreAllowed(WorkspaceRole role)
    {
        await using var s = await AccountsServer.StartAsync();
        Arrange(s);
        s.AddMember("member", s.Bravo, role);
        var client = await s.LoginAsync("member");
        var endpoints = WorkspaceEndpoints(s);
        Assert.Contains(endpoints, e => e.Needs > role);
        Assert.Contains(endpoints, e => e.Needs <= role);

        var failures = new List<string>();
        foreach (var (pattern, methods, needs) in endpoints)
        {
            foreach (var method in methods)
            {
                using var response = await SendAsync(client, method, pattern, "bravo");
                var status = (int)response.StatusCode;
                if (needs > role && status is >= 200 and < 300)
                {
                    failures.Add($"{method} {pattern.RawText} needs {needs} but a {role} got {status}");
                }

                var body = await response.Content.ReadAsStringAsync();
                if (needs <= role && (status is 401 or 403 || body.Contains("No such workspace", StringComparison.Ordinal)))
                {
                    failures.Add($"{method} {pattern.RawText} needs {needs}; a {role} was refused with {status}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Every call to bravo that succeeds, shows bravo's data, or answers differently than for a missing workspace.</summary>
    private static async Task<List<string>> OutsiderFailuresAsync(List<WorkspaceRoute> endpoints, string who, HttpClient client, string[] bravoMarkers)
    {
        var failures = new List<string>();
        foreach (var (pattern, methods, _) in endpoints)
        {
            foreach (var method in methods)
            {
                using var bravo = await SendAsync(client, method, pattern, "bravo");
                using var nowhere = await SendAsync(client, method, pattern, "no-such-workspace");
                var body = await bravo.Content.ReadAsStringAsync();
                if ((int)bravo.StatusCode is >= 200 and < 300)
                {
                    failures.Add($"{method} {pattern.RawText} as {who}: {(int)bravo.StatusCode}");
                }

                if (bravoMarkers.FirstOrDefault(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } leaked)
                {
                    failures.Add($"{method} {pattern.RawText} as {who}: answer shows bravo's '{leaked}'");
                }

                // A workspace one cannot see and one that does not exist look the same.
                if (bravo.StatusCode != nowhere.StatusCode)
                {
                    failures.Add($"{method} {pattern.RawText} as {who}: {(int)bravo.StatusCode} for bravo but {(int)nowhere.StatusCode} for a missing workspace");
                }
            }
        }

        return failures;
    }

    /// <summary>The outsiders' credentials are good ones (else every call would fail for the wrong reason).</summary>
    private static async Task AssertCredentialsWorkAsync(AccountsServer s, HttpClient cookie, HttpClient token, HttpClient writeKey)
    {
        using var byCookie = await cookie.GetAsync(new Uri("/api/workspaces/alpha/users", UriKind.Relative));
        using var byToken = await token.GetAsync(new Uri("/api/workspaces/alpha/write-keys", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, byCookie.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);
        var tracks = s.Server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>().Any(e => e.RoutePattern.RawText == "/v1/track");
        if (tracks)
        {
            using var track = await writeKey.PostAsync(
                new Uri("/v1/track", UriKind.Relative),
                new StringContent("""{"userId":"u1","event":"Probe"}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, track.StatusCode);
        }
    }

    /// <summary>Alpha's admin with a token and a write key; bravo's admin with data of several kinds.</summary>
    private static (string AlphaToken, string AlphaKey, string[] BravoMarkers) Arrange(AccountsServer s)
    {
        var alphaAdmin = s.AddMember("alpha-admin", s.Alpha, WorkspaceRole.Admin);
        var alphaKey = s.Service.CreateWriteKey(s.Alpha, "alpha site");
        var (_, alphaToken) = s.Service.CreateApiToken(alphaAdmin.Id, s.Alpha, "alpha token", WorkspaceRole.Admin);

        var boss = s.AddMember(BravoUser, s.Bravo, WorkspaceRole.Admin);
        var (bravoToken, bravoSecret) = s.Service.CreateApiToken(boss.Id, s.Bravo, BravoTokenName, WorkspaceRole.Admin);
        var bravoKey = s.Service.CreateWriteKey(s.Bravo, BravoKeyName);
        var services = s.Server.App.Services;
        services.GetRequiredService<IGoalStore>().SaveGoal(s.Bravo, new Goal(BravoGoal, "leads", 123, "2026"));
        services.GetRequiredService<ICustomKpiStore>().SetSetting(s.Bravo, MetricSettings.Brand, BravoBrand);
        return (alphaToken, alphaKey.Key,
            [BravoUser, BravoTokenName, BravoKeyName, BravoGoal, BravoBrand, bravoKey.Key, bravoToken.Prefix, bravoSecret]);
    }

    private static List<WorkspaceRoute> WorkspaceEndpoints(AccountsServer s) =>
        [.. s.Server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.GetParameter(WorkspaceAccess.RouteKey) is not null)
            .Select(e => new WorkspaceRoute(
                e.RoutePattern,
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? [.. m] : ["GET", "POST"],
                e.Metadata.GetMetadata<WorkspaceRoleRequirement>()?.Role ?? WorkspaceRole.Viewer))];

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, RoutePattern pattern, string workspace)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Path(pattern, workspace));
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent(ProbeBody, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    /// <summary>The route with the workspace filled in and a plausible value in every other parameter.</summary>
    private static string Path(RoutePattern pattern, string workspace)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart p when p.Name == WorkspaceAccess.RouteKey => Uri.EscapeDataString(workspace),
                    RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content is "int" or "long") => "1",
                    RoutePatternParameterPart => "probe",
                    _ => "",
                });
            }
        }

        return path.ToString();
    }

    private sealed record WorkspaceRoute(RoutePattern Pattern, IReadOnlyList<string> Methods, WorkspaceRole Needs);
}
