using System.Runtime.CompilerServices;

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

    /// <summary>
    /// Sorts the rows by day, stably (rows of one day keep their order, so sums over them come out
    /// the same as over the rows as given): by counting when the days span less than a few times
    /// the rows (the usual case: a few years of days, thousands of rows or more; linear), else by
    /// comparing day and place.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DayRows(IReadOnlyList<T> rows, Func<T, DateOnly> day)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(day);
        var days = new DateOnly[rows.Count];
        int min = int.MaxValue, max = int.MinValue;
        for (var i = 0; i < days.Length; i++)
        {
            days[i] = day(rows[i]);
            min = Math.Min(min, days[i].DayNumber);
            max = Math.Max(max, days[i].DayNumber);
        }

        if (days.Length > 64 && (long)max - min < 4L * days.Length)
        {
            (_rows, _days) = CountingSort(rows, days, min, max);
            return;
        }

        // Day number and place in one key: distinct keys, so the unstable sort keeps each day's order.
        var keys = new long[days.Length];
        var order = new int[days.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)days[i].DayNumber << 32) | (uint)i;
            order[i] = i;
        }

        Array.Sort(keys, order);
        _rows = new T[order.Length];
        _days = new DateOnly[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            _rows[i] = rows[order[i]];
            _days[i] = days[order[i]];
        }
    }

    /// <summary>The rows with a day in the range.</summary>
    public ReadOnlySpan<T> In(DateRange range)
    {
        var start = FirstAtOrAfter(range.Start);
        var end = FirstAtOrAfter(range.End);
        return _rows.AsSpan(start, end - start);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (T[] Rows, DateOnly[] Days) CountingSort(IReadOnlyList<T> rows, DateOnly[] days, int min, int max)
    {
        // starts[d]: where the rows of day min + d begin.
        var starts = new int[max - min + 2];
        foreach (var d in days)
        {
            starts[d.DayNumber - min + 1]++;
        }

        for (var d = 1; d < starts.Length; d++)
        {
            starts[d] += starts[d - 1];
        }

        var sortedRows = new T[days.Length];
        var sortedDays = new DateOnly[days.Length];
        for (var i = 0; i < days.Length; i++)
        {
            var at = starts[days[i].DayNumber - min]++;
            sortedRows[at] = rows[i];
            sortedDays[at] = days[i];
        }

        return (sortedRows, sortedDays);
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
