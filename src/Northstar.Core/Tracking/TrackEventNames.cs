using System.Text.Json;
using Northstar.Core.Facts;

namespace Northstar.Core.Tracking;

/// <summary>
/// Which event type a named track call (<c>POST /v1/track</c>) becomes. The defaults cover
/// Segment's spec names (email, video, B2B) and the marketing events of IMPORT.md; the workspace
/// setting <see cref="SettingKey"/> (a JSON object of name to event type, e.g.
/// <c>{"Demo Requested": "form_submit"}</c>) adds names or overrides defaults. Names match
/// ignoring case.
/// </summary>
public static class TrackEventNames
{
    /// <summary>The workspace setting that holds the custom mapping.</summary>
    public const string SettingKey = "tracking_events";

    /// <summary>The built-in mapping.</summary>
    public static IReadOnlyDictionary<string, EventType> Defaults { get; } = new Dictionary<string, EventType>(StringComparer.OrdinalIgnoreCase)
    {
        ["Form Submitted"] = EventType.FormSubmit,
        ["Form Started"] = EventType.FormStart,
        ["Form Field Completed"] = EventType.FormField,
        ["Signed Up"] = EventType.FormSubmit,
        ["Demo Requested"] = EventType.FormSubmit,
        ["CTA Viewed"] = EventType.CtaView,
        ["CTA Clicked"] = EventType.CtaClick,
        ["Email Sent"] = EventType.EmailSent,
        ["Email Delivered"] = EventType.EmailSent,
        ["Email Opened"] = EventType.EmailOpen,
        ["Email Link Clicked"] = EventType.EmailClick,
        ["Email Replied"] = EventType.EmailReply,
        ["Meeting Booked"] = EventType.MeetingBooked,
        ["Demo Scheduled"] = EventType.MeetingBooked,
        ["Video Playback Started"] = EventType.VideoEngaged,
        ["Video Content Playing"] = EventType.VideoEngaged,
        ["Video Playback Completed"] = EventType.VideoEngaged,
        ["Content Shared"] = EventType.SocialEngaged,
        ["Product Shared"] = EventType.SocialEngaged,
        ["Content Downloaded"] = EventType.ContentUsed,
        ["Ad Viewed"] = EventType.AdImpression,
        ["Ad Clicked"] = EventType.AdClick,
    };

    /// <summary>
    /// The defaults overlaid with the setting (null or blank: the defaults), or why the setting
    /// cannot be read (then the map is the defaults alone): not JSON, not a JSON object, an empty
    /// name, or a name mapped to something other than a known event type (the entry is named).
    /// </summary>
    public static (IReadOnlyDictionary<string, EventType> Map, string? Problem) Read(string? setting)
    {
        var map = new Dictionary<string, EventType>(Defaults, StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(setting))
        {
            return (map, null);
        }

        var problem = Overlay(map, setting);
        return problem is null ? (map, null) : (Defaults, problem);
    }

    /// <summary>Why the setting cannot be saved (see <see cref="Read"/>), or null.</summary>
    public static string? Validate(string setting) =>
        string.IsNullOrWhiteSpace(setting) ? "expected a JSON object of track name to event type, e.g. {\"Demo Requested\": \"form_submit\"}" : Read(setting).Problem;

    /// <summary>What the mapping in use is, for <c>settings show</c>: how many names map, and whether the setting added any.</summary>
    public static string Describe(string? setting)
    {
        var (map, problem) = Read(setting);
        return problem is not null ? $"the {Defaults.Count} built-in names only (the setting does not read: {problem})"
            : string.IsNullOrWhiteSpace(setting) ? $"the {Defaults.Count} built-in names"
            : $"{map.Count} names: the {Defaults.Count} built-in with the setting's over them";
    }

    private static string? Overlay(Dictionary<string, EventType> map, string setting)
    {
        try
        {
            using var document = JsonDocument.Parse(setting);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return $"expected a JSON object of track name to event type, not a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}";
            }

            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (string.IsNullOrWhiteSpace(entry.Name))
                {
                    return "an entry has an empty track name";
                }

                if (entry.Value.ValueKind != JsonValueKind.String || !SnakeCaseNames<EventType>.TryParse(entry.Value.GetString()!, out var type))
                {
                    return $"'{entry.Name}' maps to {entry.Value.GetRawText()}, not an event type (known: {string.Join(", ", SnakeCaseNames<EventType>.All)})";
                }

                map[entry.Name] = type;
            }

            return null;
        }
        catch (JsonException e)
        {
            return "not valid JSON: " + e.Message;
        }
    }
}
