using System.CommandLine;
using System.Globalization;
using Northstar.Cli.Output;
using Northstar.Core.Accounts;
using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Server.Accounts;
using Spectre.Console;

namespace Northstar.Cli.Commands;

/// <summary>
/// <c>northstar users add | list | remove | passwd</c>: the people who log in to <c>northstar serve</c>,
/// and their roles per workspace.
/// </summary>
internal static partial class UsersCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("users", "Manage who logs in to the server, and their role in each workspace.");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Remove(context));
        command.Subcommands.Add(Passwd(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var format = CommonOptions.Format();
        var list = new Command("list", "Every user with its role in each workspace.") { format };
        list.SetAction(parse =>
        {
            using var store = StoreAccess.Open(parse.GetValue(CommonOptions.Db)!);
            var accounts = Accounts(store);
            var users = accounts.ListUsers()
                .Select(u => new UserRow(u.Name, u.CreatedAt, accounts.ListMemberships(u.Id)
                    .Select(m => new UserRoleRow(m.Workspace.Name, SnakeCaseNames<WorkspaceRole>.Name(m.Role))).ToList()))
                .ToList();
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Json.Write(context.Out, users);
                return 0;
            }

            var table = new Table().Title("Users");
            table.AddColumn("name").AddColumn("workspaces (role)").AddColumn("created");
            foreach (var user in users)
            {
                var roles = user.Workspaces.Count == 0 ? "(none)" : string.Join(", ", user.Workspaces.Select(w => $"{w.Workspace} ({w.Role})"));
                table.AddRow(Markup.Escape(user.Name), Markup.Escape(roles), Time(user.CreatedAt));
            }

            context.Console.Write(table);
            return 0;
        });
        return list;
    }

    private static Command Remove(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The user's login name." };
        var remove = new Command("remove", "Delete a user: its memberships in every workspace and its API tokens go with it.") { name };
        remove.SetAction(parse =>
        {
            using var store = StoreAccess.Open(parse.GetValue(CommonOptions.Db)!);
            var accounts = Accounts(store);
            if (Existing(accounts, parse.GetValue(name)!, context) is not { } user)
            {
                return 1;
            }

            var workspaces = accounts.ListMemberships(user.Id).Count;
            accounts.DeleteUser(user.Id);
            context.Out.WriteLine($"Deleted user '{user.Name}' (member of {workspaces} workspace(s)); its API tokens no longer work.");
            return 0;
        });
        return remove;
    }

    /// <summary>The store's accounts (every store the CLI opens keeps them).</summary>
    internal static IAccountStore Accounts(IFactStore store) =>
        store as IAccountStore ?? throw new InvalidOperationException("This store keeps no users.");

    private static UserAccount? Existing(IAccountStore accounts, string name, CliContext context)
    {
        var user = accounts.FindUser(name);
        if (user is null)
        {
            context.Error.WriteLine($"error: there is no user '{name}' (see northstar users list).");
        }

        return user;
    }

    /// <summary>The account rules (names, passwords, secrets) over the store; the CLI logs nobody in, so the throttle is idle.</summary>
    internal static AccountService Service(IAccountStore accounts) => new(accounts, new LoginThrottle(TimeProvider.System));

    /// <summary>A creation or revocation time as the account tables show it.</summary>
    internal static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private sealed record UserRow(string Name, DateTimeOffset CreatedAt, IReadOnlyList<UserRoleRow> Workspaces);

    private sealed record UserRoleRow(string Workspace, string Role);
}
