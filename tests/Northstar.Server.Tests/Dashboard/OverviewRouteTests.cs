using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Northstar.Core.Accounts;
using Northstar.Server.Tests.Api;

namespace Northstar.Server.Tests.Dashboard;

/// <summary>The overview is the workspace's home, <c>/w/{workspace}</c>, and answers at <c>/w/{workspace}/overview</c> too.</summary>
public sealed partial class OverviewRouteTests : ApiTestBase
{
    private HttpClient _page = null!;

    private protected override void Arrange()
    {
        World.As("olga", WorkspaceRole.Viewer);
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        _page = new HttpClient(handler, disposeHandler: true) { BaseAddress = World.Server.Address };
    }

    [Fact]
    public async Task Overview_ByItsMenuName_IsTheSamePageAsTheHome()
    {
        using var login = await _page.PostAsJsonAsync("/api/login", new { name = "olga", password = "olga-password-long" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        var home = await _page.GetStringAsync(new Uri("/w/acme?view=quarter&period=2026-Q1", UriKind.Relative));
        var named = await _page.GetStringAsync(new Uri("/w/acme/overview?view=quarter&period=2026-Q1", UriKind.Relative));

        Assert.Equal("2026-Q1", Title().Match(home).Groups[1].Value);
        Assert.Equal(Cards(home), Cards(named));
        Assert.NotEmpty(Cards(home));
    }

    [Fact]
    public async Task Overview_ByItsMenuName_SignedOut_GoesToTheLogin()
    {
        using var response = await _page.GetAsync(new Uri("/w/acme/overview", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static List<string> Cards(string html) => [.. Card().Matches(html).Select(m => m.Value)];

    [GeneratedRegex(@"<h1>Overview <span class=""period""[^>]*>([^<]*)</span>")]
    private static partial Regex Title();

    [GeneratedRegex(@"<article class=""card"" data-kpi=""[a-z_]+""|<div class=""value"" data-value=""[^""]*""")]
    private static partial Regex Card();
}
