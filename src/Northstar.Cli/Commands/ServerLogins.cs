using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Accounts;
using Northstar.Core.Storage;
using Northstar.Server.Accounts;

namespace Northstar.Cli.Commands;

/// <summary>The "how to log in" line <c>serve</c> and <c>demo</c> print once the server runs.</summary>
internal static class ServerLogins
{
    /// <summary>The demo's login: user <c>admin</c>, made if missing, with a new password each run.</summary>
    public const string DemoUser = "admin";

    /// <summary>
    /// <c>serve</c>: a store without users gets an <c>admin</c> (admin of every workspace) whose
    /// random password is printed this once; otherwise the existing users log in as before.
    /// </summary>
    public static string FirstAdmin(WebApplication app)
    {
        var accountService = app.Services.GetRequiredService<AccountService>();
        if (accountService.BootstrapAdmin(app.Services.GetRequiredService<IFactStore>()) is { } admin)
        {
            return $"Log in as {admin.Name} with password {admin.Password} (shown once; 'northstar users passwd {admin.Name}' sets another).";
        }

        return "Log in with your Northstar user ('northstar users add NAME --role admin' makes one).";
    }

    /// <summary>
    /// <c>demo</c>: the demo company's dashboard opens with user <c>admin</c>, admin of the demo
    /// workspace, with a fresh random password (a demo store is rebuilt at will, so the password
    /// of an earlier run is not kept).
    /// </summary>
    public static string DemoAdmin(WebApplication app, string workspaceName)
    {
        var accountService = app.Services.GetRequiredService<AccountService>();
        var accounts = app.Services.GetRequiredService<IAccountStore>();
        var workspace = app.Services.GetRequiredService<IFactStore>().GetOrCreateWorkspace(workspaceName);
        var password = AccountService.GeneratePassword();
        var user = accounts.FindUser(DemoUser);
        if (user is null)
        {
            user = accountService.CreateUser(DemoUser, password);
        }
        else
        {
            accountService.SetPassword(user.Id, password);
        }

        accounts.SetRole(user.Id, workspace, WorkspaceRole.Admin);
        return $"Log in as {DemoUser} with password {password}";
    }
}
