using Northstar.Core.Channels;

namespace Northstar.Core.Import.Mapping;

/// <summary>
/// <see cref="ChannelGrouping.Classify"/> memoised per distinct (source, medium, campaign,
/// referrer): an events file repeats a few hundred combinations millions of times.
/// </summary>
internal sealed class ChannelClassifier(ChannelGrouping grouping)
{
    private const int MaxEntries = 100_000;
    private readonly Dictionary<(string?, string?, string?, string?), string> _cache = [];

    public string Classify(string? source, string? medium, string? campaign, string? referrer)
    {
        var key = (source, medium, campaign, referrer);
        if (_cache.TryGetValue(key, out var channel))
        {
            return channel;
        }

        if (_cache.Count >= MaxEntries)
        {
            _cache.Clear();
        }

        channel = grouping.Classify(source, medium, campaign, referrer);
        _cache[key] = channel;
        return channel;
    }
}
