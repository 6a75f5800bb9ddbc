namespace Northstar.Core.Attribution;

/// <summary>
/// A path table held by column, the form the models run on: each channel name once (ordinal
/// order), every path's channels as numbers into <see cref="Channels"/> in one flat array, and
/// the conversions, values and nulls in arrays beside it. A million-journey table takes tens of
/// megabytes this way instead of a string array per path.
/// </summary>
public sealed class PathTableColumns
{
    private readonly string[] _channels;
    private readonly int[] _flat;
    private readonly int[] _offsets;
    private readonly long[] _conversions;
    private readonly double[] _values;
    private readonly long[] _nulls;

    internal PathTableColumns(string[] channels, int[] flat, int[] offsets, long[] conversions, double[] values, long[] nulls, int count)
    {
        (_channels, _flat, _offsets, _conversions, _values, _nulls, Count) = (channels, flat, offsets, conversions, values, nulls, count);
        for (var i = 0; i < count; i++)
        {
            LongestPath = Math.Max(LongestPath, offsets[i + 1] - offsets[i]);
        }
    }

    /// <summary>The channel names, ordinal order; a path's channel numbers index this list.</summary>
    public IReadOnlyList<string> Channels => _channels;

    /// <summary>How many paths (rows).</summary>
    public int Count { get; }

    /// <summary>The most channels on one path (1 for an empty table).</summary>
    public int LongestPath { get; } = 1;

    /// <summary>Journeys on each path that converted.</summary>
    public ReadOnlySpan<long> Conversions => _conversions.AsSpan(0, Count);

    /// <summary>The total conversion value of each path.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, Count);

    /// <summary>Journeys on each path that did not convert.</summary>
    public ReadOnlySpan<long> Nulls => _nulls.AsSpan(0, Count);

    /// <summary>Path <paramref name="index"/>'s channels, as numbers into <see cref="Channels"/>, in time order (at least one).</summary>
    public ReadOnlySpan<int> Path(int index) => _flat.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    /// <summary>
    /// The columns of a list of paths (rows kept in order). Throws <see cref="ArgumentException"/>
    /// for a path without channels or with a negative count.
    /// </summary>
    public static PathTableColumns From(IReadOnlyList<ChannelPath> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var builder = new PathTableColumnsBuilder(paths.Count);
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

            builder.Add(path);
        }

        return builder.Build();
    }

    /// <summary>The rows as <see cref="ChannelPath"/> records (channel names shared, not copied).</summary>
    public IReadOnlyList<ChannelPath> ToPaths()
    {
        var paths = new ChannelPath[Count];
        for (var i = 0; i < Count; i++)
        {
            var ids = Path(i);
            var names = new string[ids.Length];
            for (var j = 0; j < ids.Length; j++)
            {
                names[j] = _channels[ids[j]];
            }

            paths[i] = new ChannelPath(names, _conversions[i], _values[i], _nulls[i]);
        }

        return paths;
    }
}
