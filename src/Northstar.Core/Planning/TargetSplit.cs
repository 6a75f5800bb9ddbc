using Northstar.Core.Metrics;

namespace Northstar.Core.Planning;

/// <summary>
/// How a target for a period is spread over the calendar months it covers (partial months at
/// either end included): evenly by month, or by monthly weights (the seasonality of history).
/// Shares are exact doubles summing to 1; nothing is rounded here.
/// </summary>
public sealed class TargetSplit
{
    private TargetSplit(DateRange period, IReadOnlyList<SplitPart> parts)
    {
        Period = period;
        Parts = parts;
    }

    /// <summary>The days the whole target covers.</summary>
    public DateRange Period { get; }

    /// <summary>One part per calendar month touched by <see cref="Period"/>, in order.</summary>
    public IReadOnlyList<SplitPart> Parts { get; }

    /// <summary>
    /// Every whole month carries the same share (a year: 1/12 each, as plans are read); a partial
    /// month at either end carries the fraction of its days inside the period.
    /// </summary>
    public static TargetSplit Even(DateRange period) => Weighted(period, _ => 1.0);

    /// <summary>
    /// Each month's share is proportional to <paramref name="monthWeight"/>(month 1-12) times the
    /// fraction of that month's days inside the period. Weights must be finite and not negative,
    /// and not all zero.
    /// </summary>
    public static TargetSplit Weighted(DateRange period, Func<int, double> monthWeight)
    {
        ArgumentNullException.ThrowIfNull(monthWeight);
        if (period.Days == 0)
        {
            throw new ArgumentException("A target needs a period of at least one day.", nameof(period));
        }

        var months = MonthsOf(period);
        var raw = months.Select(m => Weight(monthWeight, m) * m.Days / DaysInMonth(m.Start)).ToArray();
        var total = raw.Sum();
        if (total <= 0)
        {
            throw new ArgumentException("The month weights of the period are all zero.", nameof(monthWeight));
        }

        return new TargetSplit(period, months.Select((m, i) => new SplitPart(m, raw[i] / total)).ToArray());
    }

    /// <summary>
    /// The share of the target due before <paramref name="asOf"/> (excluded): whole parts before
    /// it, plus the part holding it pro-rated by day. 0 before the period, 1 from its end on.
    /// </summary>
    public double ShareBefore(DateOnly asOf)
    {
        var share = 0.0;
        foreach (var part in Parts)
        {
            if (asOf >= part.Range.End)
            {
                share += part.Share;
            }
            else if (asOf > part.Range.Start)
            {
                share += part.Share * (asOf.DayNumber - part.Range.Start.DayNumber) / part.Range.Days;
            }
        }

        return asOf >= Period.End ? 1.0 : share;
    }

    private static double Weight(Func<int, double> monthWeight, DateRange month)
    {
        var weight = monthWeight(month.Start.Month);
        if (!double.IsFinite(weight) || weight < 0)
        {
            throw new ArgumentException($"The weight of month {month.Start.Month} is {weight}; weights must be finite and not negative.", nameof(monthWeight));
        }

        return weight;
    }

    private static int DaysInMonth(DateOnly day) => DateTime.DaysInMonth(day.Year, day.Month);

    private static List<DateRange> MonthsOf(DateRange period)
    {
        var months = new List<DateRange>();
        var start = period.Start;
        while (start < period.End)
        {
            var next = new DateOnly(start.Year, start.Month, 1).AddMonths(1);
            var end = next < period.End ? next : period.End;
            months.Add(new DateRange(start, end));
            start = end;
        }

        return months;
    }
}
