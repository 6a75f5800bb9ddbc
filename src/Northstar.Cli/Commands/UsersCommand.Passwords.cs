using System.CommandLine;
using Northstar.Core.Accounts;
using Northstar.Core.Facts;
using Northstar.Server.Accounts;

namespace Northstar.Cli.Commands;

/// <summary><c>users add</c> and <c>users passwd</c>: the commands that set a password (from stdin, or generated and printed once).</summary>
internal static partial class UsersCommand
{
    private static Command Add(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The login name (unique, case does not matter)." };
        var role = new Option<string>("--role")
        {
            Description = "viewer, editor or admin in the workspace (--workspace).",
            Required = true,
        };
        role.AcceptOnlyFromAmong([.. SnakeCaseNames<WorkspaceRole>.All]);
        var stdin = PasswordStdin();
        var add = new Command(
            "add",
            "Give a user a role in the workspace, creating the user when the name is new (with a generated password printed once, or the first line of stdin).")
        { name, role, stdin };
        add.SetAction(parse =>
        {
            using var store = StoreAccess.Open(parse.GetValue(CommonOptions.Db)!);
            if (StoreAccess.Existing(store, parse.GetValue(CommonOptions.Workspace)!, context) is not { } workspace)
            {
                return 1;
            }

            var accounts = Accounts(store);
            SnakeCaseNames<WorkspaceRole>.TryParse(parse.GetValue(role)!, out var asRole);
            var userName = parse.GetValue(name)!;
            var user = accounts.FindUser(userName);
            if (user is not null && parse.GetValue(stdin))
            {
                context.Error.WriteLine($"error: user '{user.Name}' exists; change its password with northstar users passwd.");
                return 2;
            }

            if (user is null)
            {
                if (NewPassword(parse.GetValue(stdin), context) is not { } chosen)
                {
                    return 2;
                }

                var (password, generated) = chosen;
                if (AccountService.NameProblem(userName) is { } nameProblem)
                {
                    context.Error.WriteLine($"error: {nameProblem}");
                    return 2;
                }

                user = Service(accounts).CreateUser(userName, password);
                context.Out.WriteLine($"Created user '{user.Name}'.");
                if (generated)
                {
                    context.Out.WriteLine($"Password (shown once): {password}");
                }
            }

            accounts.SetRole(user.Id, workspace, asRole);
            context.Out.WriteLine($"'{user.Name}' is {SnakeCaseNames<WorkspaceRole>.Name(asRole)} of workspace '{workspace.Name}'.");
            return 0;
        });
        return add;
    }

    private static Command Passwd(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The user's login name." };
        var stdin = PasswordStdin();
        var passwd = new Command("passwd", "Set a user's password: a generated one printed once, or the first line of stdin.") { name, stdin };
        passwd.SetAction(parse =>
        {
            using var store = StoreAccess.Open(parse.GetValue(CommonOptions.Db)!);
            var accounts = Accounts(store);
            if (Existing(accounts, parse.GetValue(name)!, context) is not { } user)
            {
                return 1;
            }

            if (NewPassword(parse.GetValue(stdin), context) is not { } chosen)
            {
                return 2;
            }

            var (password, generated) = chosen;

            Service(accounts).SetPassword(user.Id, password);
            context.Out.WriteLine($"Changed the password of '{user.Name}'.");
            if (generated)
            {
                context.Out.WriteLine($"Password (shown once): {password}");
            }

            return 0;
        });
        return passwd;
    }

    private static Option<bool> PasswordStdin() => new("--password-stdin")
    {
        Description = "Read the password from the first line of standard input (else one is generated and printed once).",
    };

    /// <summary>The password from stdin (checked) or a generated one; null with the reason printed when stdin's is refused.</summary>
    private static (string Password, bool Generated)? NewPassword(bool fromStdin, CliContext context)
    {
        if (!fromStdin)
        {
            return (AccountService.GeneratePassword(), true);
        }

        var password = Console.In.ReadLine() ?? "";
        if (AccountService.PasswordProblem(password) is { } problem)
        {
            context.Error.WriteLine($"error: {problem}");
            return null;
        }

        return (password, false);
    }
}
