namespace Northstar.Core.Attribution.Markov;

/// <summary>
/// The path table with channels as ids (ordinal order of the names, so ids never depend on
/// input or hash order), repeats collapsed if asked, in one flat array.
/// </summary>
internal sealed class EncodedPaths
{
    private EncodedPaths(string[] channels, int[] flat, int[] offsets, ChannelPath[] paths)
    {
        (Channels, Flat, Offsets, Paths) = (channels, flat, offsets, paths);
    }

    public string[] Channels { get; }

    /// <summary>Channel ids of every path, one after the other.</summary>
    public int[] Flat { get; }

    /// <summary>Path i is Flat[Offsets[i]..Offsets[i + 1]].</summary>
    public int[] Offsets { get; }

    public ChannelPath[] Paths { get; }

    /// <summary>The most channels of any path (after collapsing); at least 1.</summary>
    public int LongestPath { get; private init; } = 1;

    public ReadOnlySpan<int> Path(int i) => Flat.AsSpan(Offsets[i], Offsets[i + 1] - Offsets[i]);

    public static EncodedPaths From(IReadOnlyList<ChannelPath> paths, bool collapseRepeats)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var length = 0;
        foreach (var path in paths)
        {
            if (path.Channels.Count == 0)
            {
                throw new ArgumentException("A path needs at least one channel.", nameof(paths));
            }

            if (path.Conversions < 0 || path.Nulls < 0)
            {
                throw new ArgumentException("Path counts cannot be negative: " + path, nameof(paths));
            }

            length += path.Channels.Count;
            foreach (var channel in path.Channels)
            {
                names.Add(channel);
            }
        }

        var channels = names.Order(StringComparer.Ordinal).ToArray();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < channels.Length; i++)
        {
            ids[channels[i]] = i;
        }

        var (flat, offsets, n) = (new int[length], new int[paths.Count + 1], 0);
        for (var p = 0; p < paths.Count; p++)
        {
            offsets[p] = n;
            foreach (var channel in paths[p].Channels)
            {
                var id = ids[channel];
                if (!collapseRepeats || n == offsets[p] || flat[n - 1] != id)
                {
                    flat[n++] = id;
                }
            }
        }

        offsets[paths.Count] = n;
        var longest = 1;
        for (var p = 0; p < paths.Count; p++)
        {
            longest = Math.Max(longest, offsets[p + 1] - offsets[p]);
        }

        return new EncodedPaths(channels, flat, offsets, [.. paths]) { LongestPath = longest };
    }
}
