namespace Northstar.Core.Metrics;

/// <summary>
/// View rows (event rollup, stage rollup, stage counts) sorted by day, so that a bucket's rows
/// are found by binary search.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
internal sealed class DayRows<T>
{
    private readonly T[] _rows;

    /// <summary>The rows' days, in the rows' order: sorted with them and searched (no delegate call per comparison).</summary>
    private readonly DateOnly[] _days;

    public DayRows(IReadOnlyList<T> rows, Func<T, DateOnly> day)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(day);
        _rows = [.. rows];
        _days = new DateOnly[_rows.Length];
        for (var i = 0; i < _rows.Length; i++)
        {
            _days[i] = day(_rows[i]);
        }

        Array.Sort(_days, _rows);
    }

    /// <summary>The rows with a day in the range.</summary>
    public ReadOnlySpan<T> In(DateRange range)
    {
        var start = FirstAtOrAfter(range.Start);
        var end = FirstAtOrAfter(range.End);
        return _rows.AsSpan(start, end - start);
    }

    private int FirstAtOrAfter(DateOnly day)
    {
        int lo = 0, hi = _rows.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            (lo, hi) = _days[mid] < day ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }
}
