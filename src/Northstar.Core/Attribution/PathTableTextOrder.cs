namespace Northstar.Core.Attribution;

/// <summary>
/// Orders path-table rows as their text "a &gt; b &gt; c" sorts (ordinal) without building the
/// text: equal channel numbers are equal text, two different names decide at their first
/// differing char, and only when one name is a prefix of the other does the comparison walk on
/// into the separator and the following names.
/// </summary>
internal sealed class PathTableTextOrder(PathTableColumns paths) : IComparer<int>
{
    private const string Separator = " > ";

    /// <summary>The row numbers in text order.</summary>
    public static int[] Sort(PathTableColumns paths)
    {
        var rows = new int[paths.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        Array.Sort(rows, new PathTableTextOrder(paths));
        return rows;
    }

    public int Compare(int x, int y)
    {
        var a = paths.Path(x);
        var b = paths.Path(y);
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return CompareFrom(a, b, i);
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private int CompareFrom(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int element)
    {
        var (x, y) = (paths.Channels[a[element]], paths.Channels[b[element]]);
        var common = x.AsSpan().CommonPrefixLength(y);
        if (common < x.Length && common < y.Length)
        {
            return x[common].CompareTo(y[common]);
        }

        // One name is a prefix of the other: walk both texts on from there, char by char.
        var ta = new Walker(paths, a, element, common);
        var tb = new Walker(paths, b, element, common);
        while (true)
        {
            var (ca, cb) = (ta.Next(), tb.Next());
            if (ca != cb || ca < 0)
            {
                return ca.CompareTo(cb);
            }
        }
    }

    /// <summary>The chars of a path's text from a name's offset on; -1 at the end.</summary>
    private ref struct Walker(PathTableColumns paths, ReadOnlySpan<int> path, int element, int offset)
    {
        private readonly ReadOnlySpan<int> _path = path;
        private int _element = element;
        private int _offset = offset;
        private int _separator = -1;

        public int Next()
        {
            if (_separator >= 0)
            {
                if (_separator < Separator.Length)
                {
                    return Separator[_separator++];
                }

                (_separator, _element, _offset) = (-1, _element + 1, 0);
            }

            var name = paths.Channels[_path[_element]];
            if (_offset < name.Length)
            {
                return name[_offset++];
            }

            if (_element + 1 >= _path.Length)
            {
                return -1;
            }

            _separator = 1;
            return Separator[0];
        }
    }
}
