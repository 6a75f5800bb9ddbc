using System.Runtime.CompilerServices;
using Northstar.Core.Channels;

namespace Northstar.Core.Import.Mapping;

/// <summary>
/// <see cref="ChannelGrouping.Classify"/> memoised per distinct (source, medium, campaign,
/// referrer): an events file repeats a few hundred combinations millions of times. The
/// strings come from the column pools, so one combination is one set of instances and the
/// cache compares references, not text (a value seen as two instances only costs an entry).
/// </summary>
internal sealed class ChannelClassifier(ChannelGrouping grouping)
{
    private const int MaxEntries = 100_000;
    private readonly Dictionary<(string?, string?, string?, string?), string> _cache = new(ByReference.Instance);

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

    private sealed class ByReference : IEqualityComparer<(string?, string?, string?, string?)>
    {
        public static ByReference Instance { get; } = new();

        public bool Equals((string?, string?, string?, string?) x, (string?, string?, string?, string?) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2)
            && ReferenceEquals(x.Item3, y.Item3) && ReferenceEquals(x.Item4, y.Item4);

        public int GetHashCode((string?, string?, string?, string?) key) => HashCode.Combine(
            RuntimeHelpers.GetHashCode(key.Item1), RuntimeHelpers.GetHashCode(key.Item2),
            RuntimeHelpers.GetHashCode(key.Item3), RuntimeHelpers.GetHashCode(key.Item4));
    }
}
