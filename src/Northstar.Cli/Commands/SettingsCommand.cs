using System.CommandLine;
using System.Globalization;
using Northstar.Cli.Output;
using Northstar.Core.Attribution.Reports;
using Northstar.Core.Goals;
using Northstar.Core.Metrics;
using Northstar.Core.Tracking;
using Spectre.Console;

namespace Northstar.Cli.Commands;

/// <summary>
/// <c>northstar settings [show | set KEY VALUE | unset KEY]</c>: the workspace settings the
/// metrics read (brand, fiscal year start, cohort window, SLA, gross margin), attribution's, and
/// the tracking API's track-name mapping (<c>tracking_events</c>).
/// </summary>
internal static class SettingsCommand
{
    private static IReadOnlyList<string> Keys => WorkspaceSettings.Keys;

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("settings", "Show or change the workspace's metric settings (brand, fiscal_year_start_month, ...).") { format };
        command.SetAction(parse => Show(context, parse, parse.GetValue(format)));
        var showFormat = CommonOptions.Format();
        var show = new Command("show", "Print every setting with its value (or its default).") { showFormat };
        show.SetAction(parse => Show(context, parse, parse.GetValue(showFormat)));
        command.Subcommands.Add(show);
        command.Subcommands.Add(Set(context));
        command.Subcommands.Add(Unset(context));
        return command;
    }

    private static int Show(CliContext context, ParseResult parse, OutputFormat format)
    {
        using var session = KpiCommandSession.Open(parse.GetValue(CommonOptions.Db)!, parse.GetValue(CommonOptions.Workspace)!, context);
        if (session?.RequireCustom(context) is not { } custom)
        {
            return 1;
        }

        var settings = Keys.Select(key => (Key: key, Value: custom.GetSetting(session.Workspace, key))).ToList();
        var defaults = Defaults(session.Engine.Options, PacingThresholds.Load(custom, session.Workspace))
            .Concat(AttributionSettings.Describe(AttributionSettings.Load(custom, session.Workspace)))
            .Append(KeyValuePair.Create(TrackEventNames.SettingKey, TrackEventNames.Describe(custom.GetSetting(session.Workspace, TrackEventNames.SettingKey))))
            .ToDictionary();
        if (format == OutputFormat.Json)
        {
            Json.Write(context.Out, settings.ToDictionary(s => s.Key, s => s.Value));
            return 0;
        }

        var table = new Table().Title($"Settings of workspace '{Markup.Escape(session.Workspace.Name)}'");
        table.AddColumn("key").AddColumn("value").AddColumn("in use");
        foreach (var (key, value) in settings)
        {
            table.AddRow(key, Markup.Escape(value ?? "(not set)"), Markup.Escape(defaults[key]));
        }

        context.Console.Write(table);
        return 0;
    }

    private static Command Set(CliContext context)
    {
        var key = new Argument<string>("key") { Description = string.Join(", ", Keys) };
        var value = new Argument<string>("value") { Description = "The new value." };
        var set = new Command("set", "Set a setting (checked before it is saved).") { key, value };
        set.SetAction(parse => Change(context, parse, parse.GetValue(key)!, parse.GetValue(value)));
        return set;
    }

    private static Command Unset(CliContext context)
    {
        var key = new Argument<string>("key") { Description = string.Join(", ", Keys) };
        var unset = new Command("unset", "Remove a setting: its default applies again.") { key };
        unset.SetAction(parse => Change(context, parse, parse.GetValue(key)!, null));
        return unset;
    }

    private static int Change(CliContext context, ParseResult parse, string key, string? value)
    {
        var error = WorkspaceSettings.Problem(key, value);
        if (error is not null)
        {
            context.Error.WriteLine($"error: {key}: {error}.");
            return 2;
        }

        using var session = KpiCommandSession.Open(parse.GetValue(CommonOptions.Db)!, parse.GetValue(CommonOptions.Workspace)!, context);
        if (session?.RequireCustom(context) is not { } custom)
        {
            return 1;
        }

        custom.SetSetting(session.Workspace, key, value);
        context.Out.WriteLine(value is null ? $"Removed {key}; the default applies." : $"Set {key} = {value}.");
        return 0;
    }

    /// <summary>The value each key has in the engine's options (set or default).</summary>
    private static Dictionary<string, string> Defaults(MetricOptions options, PacingThresholds thresholds) => new()
    {
        [MetricSettings.Brand] = options.Brand ?? "(none)",
        [MetricSettings.FiscalYearStartMonth] = options.FiscalYearStartMonth.ToString(CultureInfo.InvariantCulture),
        [MetricSettings.CohortWindowDays] = options.CohortWindowDays.ToString(CultureInfo.InvariantCulture),
        [MetricSettings.SalesSlaHours] = options.SalesSla.TotalHours.ToString(CultureInfo.InvariantCulture),
        [MetricSettings.GrossMargin] = options.GrossMargin.ToString(CultureInfo.InvariantCulture),
        [MetricSettings.PacingOnTrack] = thresholds.OnTrack.ToString(CultureInfo.InvariantCulture),
        [MetricSettings.PacingAtRisk] = thresholds.AtRisk.ToString(CultureInfo.InvariantCulture),
    };
}
