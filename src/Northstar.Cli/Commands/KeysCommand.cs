using System.CommandLine;
using System.Globalization;
using Northstar.Cli.Output;
using Spectre.Console;

namespace Northstar.Cli.Commands;

/// <summary><c>northstar keys add | list | revoke</c>: the workspace's tracking write keys (for <c>/v1/*</c>).</summary>
internal static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("keys", "Manage the workspace's tracking write keys (Segment-style clients send them to /v1/*).");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Revoke(context));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "What the key is for, e.g. website." };
        var add = new Command("add", "Create a random write key in the workspace and print it.") { name };
        add.SetAction(parse =>
        {
            using var store = StoreAccess.Open(parse.GetValue(CommonOptions.Db)!);
            if (StoreAccess.Existing(store, parse.GetValue(CommonOptions.Workspace)!, context) is not { } workspace)
            {
                return 1;
            }

            if (string.IsNullOrWhiteSpace(parse.GetValue(name)))
            {
                context.Error.WriteLine("error: a write key needs a name.");
                return 2;
            }

            var key = UsersCommand.Service(UsersCommand.Accounts(store)).CreateWriteKey(workspace, parse.GetValue(name)!);
            context.Error.WriteLine($"Write key {key.Id} '{key.Name}' for workspace '{workspace.Name}':");
            context.Out.WriteLine(key.Key);
            return 0;
        });
        return add;
    }

    private static Command List(CliContext context)
    {
        var format = CommonOptions.Format();
        var list = new Command("list", "The workspace's write keys, revoked ones included.") { format };
        list.SetAction(parse =>
        {
            using var store = StoreAccess.Open(parse.GetValue(CommonOptions.Db)!);
            if (StoreAccess.Existing(store, parse.GetValue(CommonOptions.Workspace)!, context) is not { } workspace)
            {
                return 1;
            }

            var keys = UsersCommand.Accounts(store).ListWriteKeys(workspace);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Json.Write(context.Out, keys.Select(k => new { k.Id, k.Name, k.Key, k.CreatedAt, k.RevokedAt }));
                return 0;
            }

            var table = new Table().Title($"Write keys of workspace '{Markup.Escape(workspace.Name)}'");
            table.AddColumn("id").AddColumn("name").AddColumn("key").AddColumn("created").AddColumn("revoked");
            foreach (var k in keys)
            {
                table.AddRow(
                    k.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(k.Name), Markup.Escape(k.Key), UsersCommand.Time(k.CreatedAt),
                    k.RevokedAt is { } r ? UsersCommand.Time(r) : "");
            }

            context.Console.Write(table);
            return 0;
        });
        return list;
    }

    private static Command Revoke(CliContext context)
    {
        var id = new Argument<long>("id") { Description = "The key's id (see northstar keys list)." };
        var revoke = new Command("revoke", "Revoke a write key: the tracking API refuses it from now on.") { id };
        revoke.SetAction(parse =>
        {
            using var store = StoreAccess.Open(parse.GetValue(CommonOptions.Db)!);
            if (StoreAccess.Existing(store, parse.GetValue(CommonOptions.Workspace)!, context) is not { } workspace)
            {
                return 1;
            }

            if (!UsersCommand.Accounts(store).RevokeWriteKey(workspace, parse.GetValue(id)))
            {
                context.Error.WriteLine($"error: workspace '{workspace.Name}' has no write key {parse.GetValue(id)}.");
                return 1;
            }

            context.Out.WriteLine($"Revoked write key {parse.GetValue(id)} of workspace '{workspace.Name}'.");
            return 0;
        });
        return revoke;
    }
}
