namespace Northstar.Core.Metrics;

/// <summary>
/// Whole days in the workspace's time zone, from <see cref="Start"/> (included) to
/// <see cref="End"/> (excluded). A quarter 2025-Q3 is [2025-07-01, 2025-10-01).
/// </summary>
public readonly record struct DateRange
{
    public DateRange(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"The range ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
        }

        Start = start;
        End = end;
    }

    /// <summary>The first day in the range.</summary>
    public DateOnly Start { get; }

    /// <summary>The first day after the range.</summary>
    public DateOnly End { get; }

    /// <summary>Number of days in the range.</summary>
    public int Days => End.DayNumber - Start.DayNumber;

    /// <summary>True when the day lies in the range.</summary>
    public bool Contains(DateOnly day) => day >= Start && day < End;

    /// <summary>True when every day of <paramref name="other"/> lies in this range (what a cached read over this range can answer).</summary>
    public bool Covers(DateRange other) => Start <= other.Start && End >= other.End;

    /// <summary>The part of this range that lies in <paramref name="other"/> (empty when they do not overlap).</summary>
    public DateRange Intersect(DateRange other)
    {
        var start = Start > other.Start ? Start : other.Start;
        var end = End < other.End ? End : other.End;
        return end < start ? new DateRange(start, start) : new DateRange(start, end);
    }

    /// <summary>The last day in the range, as people write ranges (2025-07-01..2025-09-30).</summary>
    public override string ToString() => Days == 0 ? $"{Start:yyyy-MM-dd} (empty)" : $"{Start:yyyy-MM-dd}..{End.AddDays(-1):yyyy-MM-dd}";
}
