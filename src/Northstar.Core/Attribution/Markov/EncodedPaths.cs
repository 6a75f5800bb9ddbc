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
        var length = 0;
        for (var p = 0; p < paths.Count; p++)
        {
            length += Check(paths[p]);
        }

        // One pass with ids in order of appearance (a reference cache first: path tables repeat
        // the same string instances), then ids renumbered in ordinal order of the names.
        var (seen, byReference) = (new Dictionary<string, int>(StringComparer.Ordinal), new Dictionary<string, int>(ReferenceEqualityComparer.Instance));
        var (flat, offsets, n, longest) = (new int[length], new int[paths.Count + 1], 0, 1);
        for (var p = 0; p < paths.Count; p++)
        {
            offsets[p] = n;
            var channels = paths[p].Channels;
            for (var i = 0; i < channels.Count; i++)
            {
                var id = Id(channels[i], seen, byReference);
                if (!collapseRepeats || n == offsets[p] || flat[n - 1] != id)
                {
                    flat[n++] = id;
                }
            }

            longest = Math.Max(longest, n - offsets[p]);
        }

        offsets[paths.Count] = n;
        var names = seen.Keys.Order(StringComparer.Ordinal).ToArray();
        var renumber = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            renumber[seen[names[i]]] = i;
        }

        for (var i = 0; i < n; i++)
        {
            flat[i] = renumber[flat[i]];
        }

        return new EncodedPaths(names, flat, offsets, [.. paths]) { LongestPath = longest };
    }

    private static int Check(ChannelPath path)
    {
        if (path.Channels.Count == 0)
        {
            throw new ArgumentException("A path needs at least one channel.", nameof(path));
        }

        if (path.Conversions < 0 || path.Nulls < 0)
        {
            throw new ArgumentException("Path counts cannot be negative: " + path, nameof(path));
        }

        return path.Channels.Count;
    }

    private static int Id(string channel, Dictionary<string, int> seen, Dictionary<string, int> byReference)
    {
        if (byReference.TryGetValue(channel, out var id))
        {
            return id;
        }

        if (!seen.TryGetValue(channel, out id))
        {
            id = seen.Count;
            seen[channel] = id;
        }

        if (byReference.Count < 4096)
        {
            byReference[channel] = id;
        }

        return id;
    }
}
