namespace Northstar.Core.Attribution.Markov;

/// <summary>
/// The path table's columns with repeats collapsed if asked (a new flat array then; otherwise
/// the columns' own), channel ids as the columns number them (ordinal order of the names).
/// </summary>
internal sealed class EncodedPaths
{
    private readonly PathTableColumns _columns;
    private readonly int[]? _flat;
    private readonly int[]? _offsets;

    private EncodedPaths(PathTableColumns columns, int[]? flat, int[]? offsets, int longest)
    {
        (_columns, _flat, _offsets, LongestPath) = (columns, flat, offsets, longest);
        Channels = [.. columns.Channels];
    }

    public string[] Channels { get; }

    public int Count => _columns.Count;

    /// <summary>The most channels of any path (after collapsing); at least 1.</summary>
    public int LongestPath { get; }

    public ReadOnlySpan<long> Conversions => _columns.Conversions;

    public ReadOnlySpan<double> Values => _columns.Values;

    public ReadOnlySpan<long> Nulls => _columns.Nulls;

    public ReadOnlySpan<int> Path(int i) => _flat is null ? _columns.Path(i) : _flat.AsSpan(_offsets![i], _offsets[i + 1] - _offsets[i]);

    public static EncodedPaths From(PathTableColumns columns, bool collapseRepeats)
    {
        if (!collapseRepeats)
        {
            return new EncodedPaths(columns, null, null, columns.LongestPath);
        }

        var length = 0;
        for (var p = 0; p < columns.Count; p++)
        {
            length += columns.Path(p).Length;
        }

        var (flat, offsets, n, longest) = (new int[length], new int[columns.Count + 1], 0, 1);
        for (var p = 0; p < columns.Count; p++)
        {
            offsets[p] = n;
            foreach (var id in columns.Path(p))
            {
                if (n == offsets[p] || flat[n - 1] != id)
                {
                    flat[n++] = id;
                }
            }

            longest = Math.Max(longest, n - offsets[p]);
        }

        offsets[columns.Count] = n;
        return new EncodedPaths(columns, flat, offsets, longest);
    }
}
