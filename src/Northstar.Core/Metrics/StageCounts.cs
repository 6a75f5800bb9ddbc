using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Metrics;

/// <summary>Stage counts of one moment and dimension sorted by day, so that a bucket's rows are found by binary search.</summary>
internal sealed class StageCounts
{
    private readonly StageCountRow[] _rows;

    public StageCounts(IReadOnlyList<StageCountRow> rows)
    {
        _rows = [.. rows];
        Array.Sort(_rows, static (a, b) => a.Day.CompareTo(b.Day));
    }

    /// <summary>The rows with a day in the range.</summary>
    public ReadOnlySpan<StageCountRow> In(DateRange range)
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
            (lo, hi) = _rows[mid].Day < day ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }
}
