using Northstar.Core.Metrics;

namespace Northstar.Core.Attribution.Journeys;

/// <summary>
/// A period of local days as UTC instants: [<see cref="Start"/>, <see cref="End"/>) is every
/// instant whose local day (in the workspace's zone) lies in the range; all time when no period.
/// </summary>
internal readonly record struct PeriodInstants(long Start, long End)
{
    public static PeriodInstants AllTime { get; } = new(long.MinValue, long.MaxValue);

    public static PeriodInstants Of(DateRange? period, string timeZone)
    {
        if (period is not { } range)
        {
            return AllTime;
        }

        var zone = timeZone is "UTC" or "Etc/UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        return new(DayStart(range.Start, zone), DayStart(range.End, zone));
    }

    public bool Contains(long ticks) => ticks >= Start && ticks < End;

    /// <summary>
    /// The first instant of a local day: local midnight, or where a clock change skips midnight,
    /// the first local time that exists that day.
    /// </summary>
    internal static long DayStart(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        // An ambiguous midnight (clocks back at midnight) starts the day at its first occurrence: the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return local.Ticks - offset.Ticks;
    }
}
