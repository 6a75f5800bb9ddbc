using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Northstar.Core.Accounts;
using Northstar.Testing;

namespace Northstar.Server.Tests.Accounts;

/// <summary><c>POST /api/login</c>, <c>/api/logout</c> and <c>GET /api/me</c> against a running server.</summary>
public sealed class SessionEndpointTests
{
    [Fact]
    public async Task Login_RightPassword_MeListsWorkspacesWithRoles()
    {
        await using var s = await AccountsServer.StartAsync();
        s.AddMember("ada", s.Alpha, WorkspaceRole.Editor);
        s.AddMember("ada", s.Bravo, WorkspaceRole.Viewer);
        var client = await s.LoginAsync("ada");

        using var me = await client.GetAsync(new Uri("/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var json = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ada", json.GetProperty("name").GetString());
        Assert.False(json.GetProperty("api_token").GetBoolean());
        var workspaces = json.GetProperty("workspaces").EnumerateArray()
            .Select(w => (w.GetProperty("workspace").GetString(), w.GetProperty("role").GetString())).ToList();
        Assert.Equal([("alpha", "editor"), ("bravo", "viewer")], workspaces);
    }

    [Fact]
    public async Task Login_WrongPasswordOrName_401AndNoCookie()
    {
        await using var s = await AccountsServer.StartAsync();
        s.AddMember("ada", s.Alpha, WorkspaceRole.Admin);
        var client = s.Anonymous();

        using var wrongPassword = await client.PostAsJsonAsync("/api/login", new { name = "ada", password = "not-the-password" });
        using var wrongName = await client.PostAsJsonAsync("/api/login", new { name = "bob", password = AccountsServer.PasswordOf("ada") });
        using var me = await client.GetAsync(new Uri("/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongName.StatusCode);
        Assert.Equal("application/problem+json", wrongPassword.Content.Headers.ContentType?.MediaType);
        Assert.False(wrongPassword.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Login_NameInOtherCase_SignsIn()
    {
        await using var s = await AccountsServer.StartAsync();
        s.AddMember("Ada", s.Alpha, WorkspaceRole.Viewer);
        var client = s.Anonymous();

        using var response = await client.PostAsJsonAsync("/api/login", new { name = "ADA", password = AccountsServer.PasswordOf("Ada") });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_TenFailuresInAMinute_EleventhAttemptIs429EvenWithTheRightPassword()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
        await using var s = await AccountsServer.StartAsync(clock);
        s.AddMember("ada", s.Alpha, WorkspaceRole.Viewer);
        var client = s.Anonymous();
        for (var i = 0; i < 10; i++)
        {
            using var failed = await client.PostAsJsonAsync("/api/login", new { name = "ada", password = "guess-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        clock.Now = clock.Now.AddSeconds(20);
        using var throttled = await client.PostAsJsonAsync("/api/login", new { name = "ada", password = AccountsServer.PasswordOf("ada") });
        clock.Now = clock.Now.AddSeconds(41);
        using var later = await client.PostAsJsonAsync("/api/login", new { name = "ada", password = AccountsServer.PasswordOf("ada") });

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        // The window opened at the first failure, 9:00:00; at 9:00:20 there are 40 s left.
        Assert.Equal(TimeSpan.FromSeconds(40), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Logout_AfterLogin_MeIs401()
    {
        await using var s = await AccountsServer.StartAsync();
        s.AddMember("ada", s.Alpha, WorkspaceRole.Viewer);
        var client = await s.LoginAsync("ada");

        using var logout = await client.PostAsync(new Uri("/api/logout", UriKind.Relative), null);
        using var me = await client.GetAsync(new Uri("/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Cookie_UserDeletedAfterLogin_Is401()
    {
        await using var s = await AccountsServer.StartAsync();
        var ada = s.AddMember("ada", s.Alpha, WorkspaceRole.Admin);
        var client = await s.LoginAsync("ada");

        s.Accounts.DeleteUser(ada.Id);
        using var me = await client.GetAsync(new Uri("/api/me", UriKind.Relative));
        using var users = await client.GetAsync(new Uri("/api/workspaces/alpha/users", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, users.StatusCode);
    }

    [Fact]
    public async Task Cookie_PasswordChangedAfterLogin_Is401_NewLoginWorks()
    {
        await using var s = await AccountsServer.StartAsync();
        var ada = s.AddMember("ada", s.Alpha, WorkspaceRole.Admin);
        var client = await s.LoginAsync("ada");
        using var before = await client.GetAsync(new Uri("/api/me", UriKind.Relative));

        s.Service.SetPassword(ada.Id, "a brand new password");
        using var after = await client.GetAsync(new Uri("/api/me", UriKind.Relative));
        using var login = await client.PostAsJsonAsync("/api/login", new { name = "ada", password = "a brand new password" });
        using var again = await client.GetAsync(new Uri("/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Me_WithApiToken_OnlyTheTokensWorkspaceAtTheTokensRole()
    {
        await using var s = await AccountsServer.StartAsync();
        var ada = s.AddMember("ada", s.Alpha, WorkspaceRole.Admin);
        s.AddMember("ada", s.Bravo, WorkspaceRole.Admin);
        var (_, secret) = s.Service.CreateApiToken(ada.Id, s.Bravo, "script", WorkspaceRole.Viewer);
        var client = s.WithToken(secret);

        using var me = await client.GetAsync(new Uri("/api/me", UriKind.Relative));

        var json = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("api_token").GetBoolean());
        var only = Assert.Single(json.GetProperty("workspaces").EnumerateArray());
        Assert.Equal("bravo", only.GetProperty("workspace").GetString());
        Assert.Equal("viewer", only.GetProperty("role").GetString());
    }
}
