namespace Northstar.Core.Metrics;

/// <summary>
/// View rows (event rollup, stage rollup, stage counts) sorted by day, so that a bucket's rows
/// are found by binary search.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
internal sealed class DayRows<T>
{
    private readonly T[] _rows;
    private readonly Func<T, DateOnly> _day;

    public DayRows(IReadOnlyList<T> rows, Func<T, DateOnly> day)
    {
        _day = day;
        _rows = [.. rows];
        Array.Sort(_rows, (a, b) => day(a).CompareTo(day(b)));
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
            (lo, hi) = _day(_rows[mid]) < day ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }
}
