using System.Globalization;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Attribution.Reports;

/// <summary>The workspace settings attribution reads, by key (set with <c>northstar settings set</c>).</summary>
public static class AttributionSettings
{
    /// <summary>Look-back window in days (1-3660, default 90).</summary>
    public const string LookbackDays = "attribution_lookback_days";

    /// <summary>Comma list of event types that are touchpoints (snake_case, e.g. <c>session_start,ad_click</c>).</summary>
    public const string TouchTypes = "attribution_touch_types";

    /// <summary>Time-decay half-life in days (positive, default 7).</summary>
    public const string HalfLifeDays = "attribution_half_life_days";

    /// <summary>Markov: collapse consecutive repeats of a channel (true or false, default true).</summary>
    public const string CollapseRepeats = "attribution_collapse_repeats";

    /// <summary>Every key.</summary>
    public static IReadOnlyList<string> All { get; } = [LookbackDays, TouchTypes, HalfLifeDays, CollapseRepeats];

    /// <summary>The settings over the defaults; a stored value that does not validate is ignored (the default applies).</summary>
    public static AttributionConfig Load(ICustomKpiStore store, Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(store);
        var config = AttributionConfig.Default;
        if (Valid(store, workspace, LookbackDays) is { } days)
        {
            config = config with { LookbackDays = int.Parse(days, CultureInfo.InvariantCulture) };
        }

        if (Valid(store, workspace, TouchTypes) is { } types)
        {
            config = config with { TouchTypes = ParseTypes(types, out _)! };
        }

        if (Valid(store, workspace, HalfLifeDays) is { } halfLife)
        {
            config = config with { HalfLifeDays = double.Parse(halfLife, CultureInfo.InvariantCulture) };
        }

        if (Valid(store, workspace, CollapseRepeats) is { } collapse)
        {
            config = config with { CollapseRepeats = bool.Parse(collapse) };
        }

        return config;
    }

    /// <summary>Why a value is not valid for the key, or null when it is.</summary>
    public static string? Validate(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return key switch
        {
            LookbackDays => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 3660 ? null : "expected a number of days 1-3660",
            TouchTypes => ParseTypes(value, out var error) is null ? error : null,
            HalfLifeDays => double.TryParse(value, CultureInfo.InvariantCulture, out var h) && h > 0 && double.IsFinite(h) ? null : "expected a positive number of days, e.g. 7",
            CollapseRepeats => bool.TryParse(value, out _) ? null : "expected true or false",
            _ => $"unknown setting '{key}' (known: {string.Join(", ", All)})",
        };
    }

    /// <summary>The values in use, as the settings command shows them.</summary>
    public static IReadOnlyDictionary<string, string> Describe(AttributionConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [LookbackDays] = config.LookbackDays.ToString(CultureInfo.InvariantCulture),
            [TouchTypes] = string.Join(",", config.TouchTypes.Select(SnakeCaseNames<EventType>.Name).Order(StringComparer.Ordinal)),
            [HalfLifeDays] = config.HalfLifeDays.ToString(CultureInfo.InvariantCulture),
            [CollapseRepeats] = config.CollapseRepeats ? "true" : "false",
        };
    }

    private static HashSet<EventType>? ParseTypes(string text, out string error)
    {
        error = "";
        var types = new HashSet<EventType>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!SnakeCaseNames<EventType>.TryParse(name, out var type))
            {
                error = $"unknown event type '{name}' (known: {string.Join(", ", SnakeCaseNames<EventType>.All)})";
                return null;
            }

            types.Add(type);
        }

        if (types.Count == 0)
        {
            error = "expected at least one event type, e.g. session_start,ad_click,email_click";
            return null;
        }

        return types;
    }

    private static string? Valid(ICustomKpiStore store, Workspace workspace, string key) =>
        store.GetSetting(workspace, key) is { } value && Validate(key, value) is null ? value : null;
}
