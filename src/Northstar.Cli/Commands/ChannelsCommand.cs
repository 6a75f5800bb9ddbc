using System.CommandLine;
using Northstar.Cli.Output;
using Northstar.Core.Channels;
using Spectre.Console;

namespace Northstar.Cli.Commands;

/// <summary>
/// <c>northstar channels</c>: the workspace's channel rules (tried before the GA4-style default
/// grouping when an imported row has no channel), and a way to test a row against them.
/// </summary>
internal static class ChannelsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("channels", "Show, set or try the workspace's channel grouping rules.");
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Set(context));
        command.Subcommands.Add(Classify(context));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var format = CommonOptions.Format();
        var show = new Command("show", "Print the workspace's channel rules.") { format };
        show.SetAction(parse =>
        {
            using var store = StoreAccess.Open(parse.GetValue(CommonOptions.Db)!);
            var workspace = store.GetOrCreateWorkspace(parse.GetValue(CommonOptions.Workspace)!);
            var rules = store.GetChannelRules(workspace);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                context.Out.WriteLine(ChannelRules.ToJson(rules));
                return 0;
            }

            var table = new Table().Title("Channel rules (tried in order, before the default grouping)");
            table.AddColumn("#").AddColumn("channel").AddColumn("source").AddColumn("medium").AddColumn("campaign");
            for (var i = 0; i < rules.Count; i++)
            {
                var r = rules[i];
                table.AddRow($"{i + 1}", Markup.Escape(r.Channel), Markup.Escape(r.Source ?? ""), Markup.Escape(r.Medium ?? ""), Markup.Escape(r.Campaign ?? ""));
            }

            context.Console.Write(table);
            return 0;
        });
        return show;
    }

    private static Command Set(CliContext context)
    {
        var file = new Option<FileInfo>("--file") { Description = "A JSON array of rules: [{\"channel\": \"...\", \"source\": \"regex\", \"medium\": \"regex\", \"campaign\": \"regex\"}].", Required = true };
        var set = new Command("set", "Replace the workspace's channel rules with those of a JSON file.") { file };
        set.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                context.Error.WriteLine($"error: {path.FullName}: no such file.");
                return 1;
            }

            var parsed = ChannelRules.Parse(File.ReadAllText(path.FullName));
            if (!parsed.IsValid)
            {
                foreach (var error in parsed.Errors)
                {
                    context.Error.WriteLine($"{path.Name}: {error}");
                }

                return 1;
            }

            using var store = StoreAccess.Open(parse.GetValue(CommonOptions.Db)!);
            var workspace = store.GetOrCreateWorkspace(parse.GetValue(CommonOptions.Workspace)!);
            store.SetChannelRules(workspace, parsed.Rules);
            context.Out.WriteLine($"Saved {parsed.Rules.Count} channel rule(s) for workspace '{workspace.Name}'. They apply to rows imported from now on.");
            return 0;
        });
        return set;
    }

    private static Command Classify(CliContext context)
    {
        var source = new Option<string?>("--source") { Description = "utm_source" };
        var medium = new Option<string?>("--medium") { Description = "utm_medium" };
        var campaign = new Option<string?>("--campaign") { Description = "utm_campaign" };
        var referrer = new Option<string?>("--referrer") { Description = "The referring URL" };
        var classify = new Command("classify", "Show which channel a source / medium / campaign / referrer gets.") { source, medium, campaign, referrer };
        classify.SetAction(parse =>
        {
            using var store = StoreAccess.Open(parse.GetValue(CommonOptions.Db)!);
            var workspace = store.GetOrCreateWorkspace(parse.GetValue(CommonOptions.Workspace)!);
            var grouping = new ChannelGrouping(store.GetChannelRules(workspace));
            context.Out.WriteLine(grouping.Classify(parse.GetValue(source), parse.GetValue(medium), parse.GetValue(campaign), parse.GetValue(referrer)));
            return 0;
        });
        return classify;
    }
}
