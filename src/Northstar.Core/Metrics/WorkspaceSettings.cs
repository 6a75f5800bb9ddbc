using Northstar.Core.Attribution.Reports;
using Northstar.Core.Tracking;

namespace Northstar.Core.Metrics;

/// <summary>
/// Every workspace setting a user may set (<c>settings set</c>, the API's <c>PUT settings/{key}</c>):
/// the metric settings, then attribution's, then the tracking API's track-name mapping, each
/// checked before it is saved.
/// </summary>
public static class WorkspaceSettings
{
    /// <summary>Every key: the metric settings, then attribution's, then <see cref="TrackEventNames.SettingKey"/>.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. MetricSettings.All, .. AttributionSettings.All, TrackEventNames.SettingKey];

    /// <summary>Why <paramref name="value"/> cannot be saved for <paramref name="key"/> (an unknown key included), or null; a null value (unset) is always fine for a known key.</summary>
    public static string? Problem(string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return !Keys.Contains(key) ? $"unknown setting '{key}' (known: {string.Join(", ", Keys)})"
            : value is null ? null
            : AttributionSettings.All.Contains(key) ? AttributionSettings.Validate(key, value)
            : key == TrackEventNames.SettingKey ? TrackEventNames.Validate(value)
            : MetricSettings.Validate(key, value);
    }
}
