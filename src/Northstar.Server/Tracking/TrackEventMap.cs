using System.Collections.Frozen;
using System.Text.Json;
using Northstar.Core.Facts;

namespace Northstar.Server.Tracking;

/// <summary>
/// Which event type a named track call becomes. The defaults cover Segment's spec names (email,
/// video, B2B) and the marketing events of IMPORT.md; the workspace setting
/// <see cref="SettingKey"/> (a JSON object of name to event type, e.g.
/// <c>{"Demo Requested": "form_submit"}</c>) adds names or overrides defaults. Names match
/// ignoring case. A name mapped nowhere is stored as <see cref="EventType.Custom"/> with its name
/// in the property <c>event</c>: nothing sent is dropped, and a later mapping can be read off it.
/// </summary>
internal sealed class TrackEventMap
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

    public static TrackEventMap Default { get; } = new(null);

    private readonly FrozenDictionary<string, EventType> _map;

    /// <summary>The defaults overlaid with the setting's JSON (null or invalid: defaults only, see <see cref="SettingError"/>).</summary>
    public TrackEventMap(string? setting)
    {
        var map = new Dictionary<string, EventType>(Defaults, StringComparer.OrdinalIgnoreCase);
        Setting = setting;
        if (!string.IsNullOrWhiteSpace(setting))
        {
            SettingError = Overlay(map, setting);
        }

        _map = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The setting text this map was built from.</summary>
    public string? Setting { get; }

    /// <summary>Why the setting was not applied (null when it was, or when there is none).</summary>
    public string? SettingError { get; }

    /// <summary>The event type of a track call's name (<see cref="EventType.Custom"/> when unmapped).</summary>
    public EventType TypeOf(string name) => _map.TryGetValue(name, out var type) ? type : EventType.Custom;

    private static string? Overlay(Dictionary<string, EventType> map, string setting)
    {
        try
        {
            using var document = JsonDocument.Parse(setting);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return "the setting is not a JSON object";
            }

            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String || !SnakeCaseNames<EventType>.TryParse(entry.Value.GetString()!, out var type))
                {
                    return $"'{entry.Name}' maps to an unknown event type (known: {string.Join(", ", SnakeCaseNames<EventType>.All)})";
                }

                map[entry.Name] = type;
            }

            return null;
        }
        catch (JsonException e)
        {
            return "the setting is not valid JSON: " + e.Message;
        }
    }
}
