using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Northstar.Core.Accounts;

namespace Northstar.Server.Tests.Accounts;

/// <summary>Members and write keys of a workspace through the API, and who may manage them.</summary>
public sealed class MemberEndpointTests
{
    [Fact]
    public async Task AddMember_NewNameWithoutPassword_CreatedWithAGeneratedPasswordThatLogsIn()
    {
        await using var s = await AccountsServer.StartAsync();
        s.AddMember("ada", s.Alpha, WorkspaceRole.Admin);
        var admin = await s.LoginAsync("ada");

        using var created = await admin.PostAsJsonAsync("/api/workspaces/alpha/users", new { name = "carl", role = "editor" });
        var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var password = json.GetProperty("password").GetString()!;
        using var login = await s.Anonymous().PostAsJsonAsync("/api/login", new { name = "carl", password });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("editor", json.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var carl = s.Accounts.FindUser("carl")!;
        Assert.Equal(WorkspaceRole.Editor, s.Accounts.GetRole(carl.Id, s.Alpha.Id));
        Assert.Null(s.Accounts.GetRole(carl.Id, s.Bravo.Id));
    }

    [Fact]
    public async Task Create_MemberTokenAndWriteKey_LocationIsTheNewOnesEscapedAddress()
    {
        await using var s = await AccountsServer.StartAsync();
        var spaced = s.Server.Store.GetOrCreateWorkspace("north star");
        s.AddMember("ada", spaced, WorkspaceRole.Admin);
        var admin = await s.LoginAsync("ada");

        using var member = await admin.PostAsJsonAsync("/api/workspaces/north%20star/users", new { name = "carl lee", role = "viewer" });
        using var token = await admin.PostAsJsonAsync("/api/workspaces/north%20star/tokens", new { name = "ci" });
        using var key = await admin.PostAsJsonAsync("/api/workspaces/north%20star/write-keys", new { name = "site" });
        var tokenId = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var keyId = JsonDocument.Parse(await key.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Created, member.StatusCode);
        Assert.Equal("/api/workspaces/north%20star/users/carl%20lee", member.Headers.Location?.OriginalString);
        Assert.Equal($"/api/workspaces/north%20star/tokens/{tokenId}", token.Headers.Location?.OriginalString);
        Assert.Equal($"/api/workspaces/north%20star/write-keys/{keyId}", key.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AddMember_ExistingUserOfAnotherWorkspace_GetsTheRoleNoPasswordInTheAnswer()
    {
        await using var s = await AccountsServer.StartAsync();
        s.AddMember("ada", s.Alpha, WorkspaceRole.Admin);
        var bob = s.AddMember("bob", s.Bravo, WorkspaceRole.Admin);
        var admin = await s.LoginAsync("ada");

        using var added = await admin.PostAsJsonAsync("/api/workspaces/alpha/users", new { name = "BOB", role = "viewer" });
        using var withPassword = await admin.PostAsJsonAsync("/api/workspaces/alpha/users", new { name = "bob", role = "viewer", password = "taking over bob" });
        var body = await added.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, withPassword.StatusCode);
        Assert.False(JsonDocument.Parse(body).RootElement.TryGetProperty("password", out var p) && p.ValueKind != JsonValueKind.Null);
        Assert.Equal(WorkspaceRole.Viewer, s.Accounts.GetRole(bob.Id, s.Alpha.Id));
        Assert.NotNull(s.Service.CheckPassword("bob", AccountsServer.PasswordOf("bob")));
    }

    [Fact]
    public async Task ListMembers_NeverShowsPasswordHashes()
    {
        await using var s = await AccountsServer.StartAsync();
        var ada = s.AddMember("ada", s.Alpha, WorkspaceRole.Admin);
        s.AddMember("vic", s.Alpha, WorkspaceRole.Viewer);
        var admin = await s.LoginAsync("ada");

        var body = await admin.GetStringAsync(new Uri("/api/workspaces/alpha/users", UriKind.Relative));

        var members = JsonDocument.Parse(body).RootElement.EnumerateArray()
            .Select(m => (m.GetProperty("name").GetString(), m.GetProperty("role").GetString())).ToList();
        Assert.Equal([("ada", "admin"), ("vic", "viewer")], members);
        Assert.DoesNotContain(s.Accounts.GetUser(ada.Id)!.PasswordHash, body, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SetRoleAndRemove_Member_ChangesStore_UnknownMember404()
    {
        await using var s = await AccountsServer.StartAsync();
        s.AddMember("ada", s.Alpha, WorkspaceRole.Admin);
        var vic = s.AddMember("vic", s.Alpha, WorkspaceRole.Viewer);
        s.AddMember("bob", s.Bravo, WorkspaceRole.Viewer);
        var admin = await s.LoginAsync("ada");

        using var promote = await admin.PutAsJsonAsync("/api/workspaces/alpha/users/vic", new { role = "editor" });
        var promoted = s.Accounts.GetRole(vic.Id, s.Alpha.Id);
        using var remove = await admin.DeleteAsync(new Uri("/api/workspaces/alpha/users/vic", UriKind.Relative));
        using var notMember = await admin.PutAsJsonAsync("/api/workspaces/alpha/users/bob", new { role = "editor" });
        using var badRole = await admin.PutAsJsonAsync("/api/workspaces/alpha/users/ada", new { role = "owner" });

        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        Assert.Equal(WorkspaceRole.Editor, promoted);
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        Assert.Null(s.Accounts.GetRole(vic.Id, s.Alpha.Id));
        Assert.NotNull(s.Accounts.GetUser(vic.Id));
        Assert.Equal(HttpStatusCode.NotFound, notMember.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
    }

    [Fact]
    public async Task LastAdmin_CannotBeDemotedOrRemoved_409()
    {
        await using var s = await AccountsServer.StartAsync();
        var ada = s.AddMember("ada", s.Alpha, WorkspaceRole.Admin);
        var admin = await s.LoginAsync("ada");

        using var demote = await admin.PutAsJsonAsync("/api/workspaces/alpha/users/ada", new { role = "viewer" });
        using var remove = await admin.DeleteAsync(new Uri("/api/workspaces/alpha/users/ada", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, remove.StatusCode);
        Assert.Equal(WorkspaceRole.Admin, s.Accounts.GetRole(ada.Id, s.Alpha.Id));
    }

    [Fact]
    public async Task AddMember_LastAdminAddedAgainAsViewer_409_AnotherAdminFirst_200()
    {
        await using var s = await AccountsServer.StartAsync();
        var ada = s.AddMember("ada", s.Alpha, WorkspaceRole.Admin);
        var admin = await s.LoginAsync("ada");

        using var alone = await admin.PostAsJsonAsync("/api/workspaces/alpha/users", new { name = "ada", role = "viewer" });
        var roleWhenAlone = s.Accounts.GetRole(ada.Id, s.Alpha.Id);
        s.AddMember("bob", s.Alpha, WorkspaceRole.Admin);
        using var withBob = await admin.PostAsJsonAsync("/api/workspaces/alpha/users", new { name = "ada", role = "viewer" });

        Assert.Equal(HttpStatusCode.Conflict, alone.StatusCode);
        Assert.Contains("'ada' is the last admin of workspace 'alpha'", await alone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(WorkspaceRole.Admin, roleWhenAlone);
        Assert.Equal(HttpStatusCode.OK, withBob.StatusCode);
        Assert.Equal(WorkspaceRole.Viewer, s.Accounts.GetRole(ada.Id, s.Alpha.Id));
    }

    [Fact]
    public async Task ViewerAndEditor_UserAndWriteKeyRoutes_403_AndNothingChanges()
    {
        await using var s = await AccountsServer.StartAsync();
        s.AddMember("vic", s.Alpha, WorkspaceRole.Viewer);
        s.AddMember("ed", s.Alpha, WorkspaceRole.Editor);
        foreach (var name in new[] { "vic", "ed" })
        {
            var client = await s.LoginAsync(name);

            using var addUser = await client.PostAsJsonAsync("/api/workspaces/alpha/users", new { name = "mallory", role = "admin" });
            using var promote = await client.PutAsJsonAsync($"/api/workspaces/alpha/users/{name}", new { role = "admin" });
            using var listUsers = await client.GetAsync(new Uri("/api/workspaces/alpha/users", UriKind.Relative));
            using var addKey = await client.PostAsJsonAsync("/api/workspaces/alpha/write-keys", new { name = "site" });
            using var listKeys = await client.GetAsync(new Uri("/api/workspaces/alpha/write-keys", UriKind.Relative));
            using var ownTokens = await client.GetAsync(new Uri("/api/workspaces/alpha/tokens", UriKind.Relative));

            Assert.Equal(HttpStatusCode.Forbidden, addUser.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, listUsers.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, addKey.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, listKeys.StatusCode);
            Assert.Equal(HttpStatusCode.OK, ownTokens.StatusCode);
        }

        Assert.Null(s.Accounts.FindUser("mallory"));
        Assert.Empty(s.Accounts.ListWriteKeys(s.Alpha));
        Assert.Equal(WorkspaceRole.Viewer, s.Accounts.GetRole(s.Accounts.FindUser("vic")!.Id, s.Alpha.Id));
    }

    [Fact]
    public async Task WriteKeys_CreateListRevoke_ByAdmin()
    {
        await using var s = await AccountsServer.StartAsync();
        s.AddMember("ada", s.Alpha, WorkspaceRole.Admin);
        var admin = await s.LoginAsync("ada");

        using var created = await admin.PostAsJsonAsync("/api/workspaces/alpha/write-keys", new { name = "website" });
        var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = json.GetProperty("id").GetInt64();
        using var revoke = await admin.DeleteAsync(new Uri($"/api/workspaces/alpha/write-keys/{id}", UriKind.Relative));
        using var missing = await admin.DeleteAsync(new Uri($"/api/workspaces/alpha/write-keys/{id + 1}", UriKind.Relative));
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/workspaces/alpha/write-keys")).EnumerateArray().Single();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(json.GetProperty("key").GetString(), s.Accounts.ListWriteKeys(s.Alpha).Single().Key);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("website", listed.GetProperty("name").GetString());
        // snake_case like the rest of the API's answers.
        Assert.Equal(JsonValueKind.String, listed.GetProperty("created_at").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("revoked_at").ValueKind);
        Assert.NotNull(s.Accounts.FindWriteKey(json.GetProperty("key").GetString()!)!.RevokedAt);
    }
}
