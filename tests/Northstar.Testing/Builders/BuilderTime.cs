namespace Northstar.Testing.Builders;

/// <summary>The builders' calendar: day 1 is 2026-01-01 (UTC), so a test reads "day 3" instead of a date.</summary>
public static class BuilderTime
{
    /// <summary>Midnight UTC of day 1.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The instant of day <paramref name="day"/> (1-based) at the given time, UTC.</summary>
    public static DateTimeOffset At(int day, int hour = 0, int minute = 0) =>
        Start.AddDays(day - 1).AddHours(hour).AddMinutes(minute);

    /// <summary>The date of day <paramref name="day"/> (1-based).</summary>
    public static DateOnly Date(int day) => DateOnly.FromDateTime(Start.UtcDateTime).AddDays(day - 1);
}
