using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Accounts;
using Northstar.Core.Workspaces;
using Northstar.Server.Accounts;

namespace Northstar.Server.Tests.Accounts;

/// <summary>
/// A running server over a fresh store with two workspaces, "alpha" and "bravo", and helpers
/// to add members, log in with a cookie, and call with a token or a write key.
/// </summary>
internal sealed class AccountsServer : ServerWorld
{
    private AccountsServer(TempDirectory dir, RunningServer server)
        : base(dir, server)
    {
        Alpha = server.Store.GetOrCreateWorkspace("alpha");
        Bravo = server.Store.GetOrCreateWorkspace("bravo");
    }

    public Workspace Alpha { get; }

    public Workspace Bravo { get; }

    public IAccountStore Accounts => Server.Accounts;

    public AccountService Service => Server.App.Services.GetRequiredService<AccountService>();

    public static async Task<AccountsServer> StartAsync(TimeProvider? time = null)
    {
        var (dir, server) = await StartServerAsync(time);
        return new AccountsServer(dir, server);
    }

    /// <summary>The password every test user gets: its name followed by "-password".</summary>
    public static string PasswordOf(string name) => name + "-password";

    /// <summary>Creates the user (when new) with <see cref="PasswordOf"/> and gives it the role in the workspace.</summary>
    public UserAccount AddMember(string name, Workspace workspace, WorkspaceRole role)
    {
        var user = Accounts.FindUser(name) ?? Service.CreateUser(name, PasswordOf(name));
        Accounts.SetRole(user.Id, workspace, role);
        return user;
    }

    /// <summary>A client without credentials that keeps cookies and never follows redirects.</summary>
    public HttpClient Anonymous()
    {
        return Keep(new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = Server.Address,
        });
    }

    /// <summary>A client logged in through <c>POST /api/login</c> (it holds the session cookie).</summary>
    public async Task<HttpClient> LoginAsync(string name)
    {
        var client = Anonymous();
        using var response = await client.PostAsJsonAsync("/api/login", new { name, password = PasswordOf(name) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    /// <summary>A client sending <c>Authorization: Bearer SECRET</c>.</summary>
    public HttpClient WithToken(string secret)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A client sending the write key as HTTP Basic user name with an empty password, as Segment's clients do.</summary>
    public HttpClient WithWriteKey(string key)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        return client;
    }
}
