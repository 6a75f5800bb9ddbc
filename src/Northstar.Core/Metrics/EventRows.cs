using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Metrics;

/// <summary>Event rollup rows sorted by day, so that a bucket's rows are found by binary search.</summary>
internal sealed class EventRows
{
    private readonly EventRollupRow[] _rows;

    public EventRows(IReadOnlyList<EventRollupRow> rows)
    {
        _rows = [.. rows];
        Array.Sort(_rows, static (a, b) => a.Day.CompareTo(b.Day));
    }

    /// <summary>The rows with a day in the range.</summary>
    public ReadOnlySpan<EventRollupRow> In(DateRange range)
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
            if (_rows[mid].Day < day)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
