using System.Collections.Frozen;
using Northstar.Core.Facts;
using Northstar.Core.Tracking;

namespace Northstar.Server.Tracking;

/// <summary>
/// Which event type a named track call becomes: <see cref="TrackEventNames"/>' defaults overlaid
/// with the workspace setting <see cref="TrackEventNames.SettingKey"/>, frozen for the merge
/// thread. A name mapped nowhere is stored as <see cref="EventType.Custom"/> with its name in the
/// property <c>event</c>: nothing sent is dropped, and a later mapping can be read off it.
/// </summary>
internal sealed class TrackEventMap
{
    public static TrackEventMap Default { get; } = new(null);

    private readonly FrozenDictionary<string, EventType> _map;

    /// <summary>
    /// The defaults overlaid with the setting's JSON (null or invalid: defaults only; saving the
    /// setting refuses an invalid one, <see cref="TrackEventNames.Validate"/>).
    /// </summary>
    public TrackEventMap(string? setting)
    {
        Setting = setting;
        _map = TrackEventNames.Read(setting).Map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The setting text this map was built from.</summary>
    public string? Setting { get; }

    /// <summary>The event type of a track call's name (<see cref="EventType.Custom"/> when unmapped).</summary>
    public EventType TypeOf(string name) => _map.TryGetValue(name, out var type) ? type : EventType.Custom;
}
