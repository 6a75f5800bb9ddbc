using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Northstar.Core.Accounts;

namespace Northstar.Server.Tests.Accounts;

/// <summary>API tokens: made, listed and deleted through the API, and used as <c>Bearer</c> credentials.</summary>
public sealed class TokenEndpointTests
{
    [Fact]
    public async Task CreateToken_SecretReturnedOnceAndWorksAsBearer()
    {
        await using var s = await AccountsServer.StartAsync();
        s.AddMember("ada", s.Alpha, WorkspaceRole.Admin);
        var cookie = await s.LoginAsync("ada");

        using var created = await cookie.PostAsJsonAsync("/api/workspaces/alpha/tokens", new { name = "nightly" });
        var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var secret = json.GetProperty("secret").GetString()!;
        using var list = await cookie.GetAsync(new Uri("/api/workspaces/alpha/tokens", UriKind.Relative));
        var listed = await list.Content.ReadAsStringAsync();
        using var withToken = await s.WithToken(secret).GetAsync(new Uri("/api/workspaces/alpha/users", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("admin", json.GetProperty("role").GetString());
        Assert.Equal(secret[..12], json.GetProperty("prefix").GetString());
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.Contains("\"nightly\"", listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
    }

    [Fact]
    public async Task Bearer_DeletedToken_Is401()
    {
        await using var s = await AccountsServer.StartAsync();
        var ada = s.AddMember("ada", s.Alpha, WorkspaceRole.Admin);
        var (token, secret) = s.Service.CreateApiToken(ada.Id, s.Alpha, "ci", WorkspaceRole.Admin);
        var client = s.WithToken(secret);
        using var before = await client.GetAsync(new Uri("/api/workspaces/alpha/tokens", UriKind.Relative));

        using var delete = await client.DeleteAsync(new Uri($"/api/workspaces/alpha/tokens/{token.Id}", UriKind.Relative));
        using var after = await client.GetAsync(new Uri("/api/workspaces/alpha/tokens", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("Bearer", after.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("nst_made-up-secret")]
    [InlineData("")]
    public async Task Bearer_UnknownSecret_Is401NotARedirect(string secret)
    {
        await using var s = await AccountsServer.StartAsync();
        var client = s.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + secret);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Bearer_UserRemovedFromWorkspaceOrDeleted_Is401()
    {
        await using var s = await AccountsServer.StartAsync();
        var ada = s.AddMember("ada", s.Alpha, WorkspaceRole.Editor);
        var bob = s.AddMember("bob", s.Alpha, WorkspaceRole.Editor);
        var (_, adaSecret) = s.Service.CreateApiToken(ada.Id, s.Alpha, "ci", WorkspaceRole.Editor);
        var (_, bobSecret) = s.Service.CreateApiToken(bob.Id, s.Alpha, "ci", WorkspaceRole.Editor);

        s.Accounts.SetRole(ada.Id, s.Alpha, null);
        s.Accounts.DeleteUser(bob.Id);
        using var adaCall = await s.WithToken(adaSecret).GetAsync(new Uri("/api/me", UriKind.Relative));
        using var bobCall = await s.WithToken(bobSecret).GetAsync(new Uri("/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, adaCall.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bobCall.StatusCode);
    }

    [Fact]
    public async Task ViewerTokenOfAnAdmin_AdminAndEditorRoutes_403()
    {
        await using var s = await AccountsServer.StartAsync();
        var ada = s.AddMember("ada", s.Alpha, WorkspaceRole.Admin);
        var (_, secret) = s.Service.CreateApiToken(ada.Id, s.Alpha, "read-only", WorkspaceRole.Viewer);
        var client = s.WithToken(secret);

        using var keys = await client.PostAsJsonAsync("/api/workspaces/alpha/write-keys", new { name = "site" });
        using var users = await client.GetAsync(new Uri("/api/workspaces/alpha/users", UriKind.Relative));
        using var token = await client.PostAsJsonAsync("/api/workspaces/alpha/tokens", new { name = "escalate", role = "admin" });
        using var own = await client.GetAsync(new Uri("/api/workspaces/alpha/tokens", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, keys.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Empty(s.Accounts.ListWriteKeys(s.Alpha));
        Assert.Single(s.Accounts.ListApiTokens(s.Alpha));
    }

    [Fact]
    public async Task TokenOfOneWorkspace_OtherWorkspaceOfTheSameUser_404()
    {
        await using var s = await AccountsServer.StartAsync();
        var ada = s.AddMember("ada", s.Alpha, WorkspaceRole.Admin);
        s.AddMember("ada", s.Bravo, WorkspaceRole.Admin);
        var (_, secret) = s.Service.CreateApiToken(ada.Id, s.Alpha, "alpha only", WorkspaceRole.Admin);

        using var response = await s.WithToken(secret).GetAsync(new Uri("/api/workspaces/bravo/users", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ListTokens_ViewerSeesOwnAdminSeesAll_ViewerCannotDeleteOthers()
    {
        await using var s = await AccountsServer.StartAsync();
        var ada = s.AddMember("ada", s.Alpha, WorkspaceRole.Admin);
        var vic = s.AddMember("vic", s.Alpha, WorkspaceRole.Viewer);
        var (adaToken, _) = s.Service.CreateApiToken(ada.Id, s.Alpha, "ada's", WorkspaceRole.Admin);
        s.Service.CreateApiToken(vic.Id, s.Alpha, "vic's", WorkspaceRole.Viewer);
        var admin = await s.LoginAsync("ada");
        var viewer = await s.LoginAsync("vic");

        var adminSees = await Names(admin);
        var viewerSees = await Names(viewer);
        using var delete = await viewer.DeleteAsync(new Uri($"/api/workspaces/alpha/tokens/{adaToken.Id}", UriKind.Relative));

        Assert.Equal(["ada's", "vic's"], adminSees);
        Assert.Equal(["vic's"], viewerSees);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(2, s.Accounts.ListApiTokens(s.Alpha).Count);
    }

    [Fact]
    public async Task CreateToken_RoleAboveOwn_403_RoleOmitted_OwnRole()
    {
        await using var s = await AccountsServer.StartAsync();
        s.AddMember("ed", s.Alpha, WorkspaceRole.Editor);
        var editor = await s.LoginAsync("ed");

        using var tooHigh = await editor.PostAsJsonAsync("/api/workspaces/alpha/tokens", new { name = "x", role = "admin" });
        using var plain = await editor.PostAsJsonAsync("/api/workspaces/alpha/tokens", new { name = "y" });

        Assert.Equal(HttpStatusCode.Forbidden, tooHigh.StatusCode);
        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
        Assert.Equal(WorkspaceRole.Editor, Assert.Single(s.Accounts.ListApiTokens(s.Alpha)).Role);
    }

    private static async Task<List<string>> Names(HttpClient client)
    {
        var json = await client.GetFromJsonAsync<JsonElement>("/api/workspaces/alpha/tokens");
        return [.. json.EnumerateArray().Select(t => t.GetProperty("name").GetString()!)];
    }
}
