namespace Northstar.Core.Metrics.Periods;

/// <summary>Cuts a range into the buckets of a <see cref="Grain"/>, for time series.</summary>
public static class Buckets
{
    /// <summary>
    /// The buckets covering <paramref name="range"/>, in order. Each is the day, ISO week, month,
    /// quarter or year holding its first day, clipped to the range; a clipped first or last bucket
    /// keeps the label of its whole unit and is flagged <see cref="Bucket.IsPartial"/>.
    /// Quarters and years are fiscal ones ("FY2026-Q1", "FY2026") unless the fiscal year starts in
    /// January ("2025-Q3", "2025"). <see cref="Grain.Total"/> gives one bucket, the range itself,
    /// labelled like a custom period. An empty range gives no buckets.
    /// </summary>
    public static IReadOnlyList<Bucket> Split(DateRange range, Grain grain, FiscalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (range.Days == 0)
        {
            return [];
        }

        if (grain == Grain.Total)
        {
            return [new Bucket(range, Period.Custom(range).Label, IsPartial: false)];
        }

        var buckets = new List<Bucket>(EstimateCount(range, grain));
        var cursor = range.Start;
        while (cursor < range.End)
        {
            var unit = UnitContaining(cursor, grain, calendar);
            var clipped = unit.Range.Intersect(range);
            buckets.Add(new Bucket(clipped, unit.Label, clipped != unit.Range));
            cursor = unit.Range.End;
        }

        return buckets;
    }

    /// <summary>The whole unit of <paramref name="grain"/> holding <paramref name="day"/>, such as its ISO week or fiscal quarter.</summary>
    public static Period UnitContaining(DateOnly day, Grain grain, FiscalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return grain switch
        {
            Grain.Day => Period.Day(day),
            Grain.Week => Period.WeekContaining(day),
            Grain.Month => Period.Month(day.Year, day.Month),
            Grain.Quarter => calendar.QuarterContaining(day),
            Grain.Year => calendar.YearContaining(day),
            _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, "Total has no unit: it is the whole range."),
        };
    }

    private static int EstimateCount(DateRange range, Grain grain) => grain switch
    {
        Grain.Day => range.Days,
        Grain.Week => (range.Days / 7) + 2,
        Grain.Month => (range.Days / 28) + 2,
        Grain.Quarter => (range.Days / 90) + 2,
        _ => (range.Days / 365) + 2,
    };
}
